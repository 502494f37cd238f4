/**
 * AssertJ-style assertions over the event journal: tests assert on what the emulator did, not on
 * logs.
 */
package io.lyncemu.testkit.journal;
