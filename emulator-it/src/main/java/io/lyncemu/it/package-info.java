/** The JUnit 5 extension for whole-emulator tests; the integration tests live in src/test. */
package io.lyncemu.it;
