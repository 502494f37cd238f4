/**
 * Cmdlets that belong to the emulator itself rather than to Lync (scenarios); Lync's own cmdlets
 * live in {@code io.lyncemu.core.cmdlets}. No framework types here.
 */
package io.lyncemu.app.cmdlets;
