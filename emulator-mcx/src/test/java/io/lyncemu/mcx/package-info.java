/** Shared test fixtures of the web-facing services. */
package io.lyncemu.mcx;
