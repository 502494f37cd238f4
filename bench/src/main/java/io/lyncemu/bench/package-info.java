/** Benchmarks and load drivers. Not tests: run them by hand, see README. */
package io.lyncemu.bench;
