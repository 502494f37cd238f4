/**
 * The emulated Windows services of the deployment (IIS hosting the web services, later the XMPP
 * proxy and others): what Get-CsWindowsService lists and Stop-/Start-CsWindowsService control.
 * Stopping one stops the listeners behind it, so clients see connections refused.
 */
package io.lyncemu.core.services;
