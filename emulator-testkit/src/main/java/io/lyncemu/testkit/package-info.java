/** Test helpers that depend on core only: journal assertions, clocks and raw peers. */
package io.lyncemu.testkit;
