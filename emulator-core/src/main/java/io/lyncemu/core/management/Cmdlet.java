package io.lyncemu.core.management;

/**
 * One cmdlet. Implementations validate their own parameters, act on the live deployment and return
 * PowerShell-shaped output; they throw {@link CmdletException} for a PowerShell-style error.
 * Thread-safe: the admin API may invoke them concurrently.
 */
public interface Cmdlet {

  /** The name as typed, e.g. {@code Get-CsUser}; matched case-insensitively. */
  String name();

  /** One sentence for listings and help. */
  String synopsis();

  CmdletOutput invoke(CmdletArguments arguments);
}
