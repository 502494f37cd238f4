package io.lyncemu.core.topology;

/**
 * The web service configuration (Get-CsWebServiceConfiguration). {@code UseWindowsAuth} defaults to
 * Negotiate, which is what the documented 401 ({@code Negotiate,NTLM}) implies. {@code
 * serverHeader} is the emulator's own knob: the {@code Server} header IIS sends (8.5 on Windows
 * Server 2012 R2, 7.5 on 2008 R2).
 */
public record WebServiceConfiguration(
    String identity,
    WindowsAuth useWindowsAuth,
    String mobilePreferredAuthType,
    Boolean useCertificateAuth,
    Boolean usePinAuth,
    String serverHeader) {

  public static final WebServiceConfiguration DEFAULT =
      new WebServiceConfiguration(null, null, null, null, null, null);

  public WebServiceConfiguration {
    identity = identity == null ? "Global" : identity;
    useWindowsAuth = useWindowsAuth == null ? WindowsAuth.NEGOTIATE : useWindowsAuth;
    mobilePreferredAuthType =
        mobilePreferredAuthType == null ? "WebTicketServiceWinNegotiate" : mobilePreferredAuthType;
    useCertificateAuth = useCertificateAuth == null ? Boolean.TRUE : useCertificateAuth;
    usePinAuth = usePinAuth == null ? Boolean.TRUE : usePinAuth;
    serverHeader = serverHeader == null ? "Microsoft-IIS/8.5" : serverHeader;
  }

  public WebServiceConfiguration withUseWindowsAuth(WindowsAuth value) {
    return new WebServiceConfiguration(
        identity, value, mobilePreferredAuthType, useCertificateAuth, usePinAuth, serverHeader);
  }

  public WebServiceConfiguration withMobilePreferredAuthType(String value) {
    return new WebServiceConfiguration(
        identity, useWindowsAuth, value, useCertificateAuth, usePinAuth, serverHeader);
  }

  public WebServiceConfiguration withServerHeader(String value) {
    return new WebServiceConfiguration(
        identity, useWindowsAuth, mobilePreferredAuthType, useCertificateAuth, usePinAuth, value);
  }
}
