/**
 * The one lifecycle contract every listening component follows: {@link
 * io.lyncemu.core.lifecycle.Service} starts only when bound, names its listeners, reads bound ports
 * back and stops within a bound. No framework types live here.
 */
package io.lyncemu.core.lifecycle;
