/**
 * The management model: every setting is read and changed through cmdlet-shaped operations
 * (Get-/Set-/New-/Grant-Cs…) held in one {@link io.lyncemu.core.management.CmdletRegistry}.
 * Protocol modules and later issues register their own cmdlets here; the CLI and admin API only
 * look them up. Output objects print as PowerShell's Format-List does.
 */
package io.lyncemu.core.management;
