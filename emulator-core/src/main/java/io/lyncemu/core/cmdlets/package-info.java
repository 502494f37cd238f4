/**
 * The Lync cmdlets over the core model: users, mobility policies, web service and MCX
 * configuration, emulated Windows services and the emulator clock. Property names and order follow
 * what the real cmdlets print; the few emulator-only cmdlets carry {@code Emulator} in their noun.
 */
package io.lyncemu.core.cmdlets;
