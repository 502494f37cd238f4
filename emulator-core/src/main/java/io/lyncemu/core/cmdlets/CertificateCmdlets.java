package io.lyncemu.core.cmdlets;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.tls.EdgeIdentities;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.tls.ServerIdentity;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Fqdns;
import io.lyncemu.core.topology.Topology;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Request-CsCertificate, Set-CsCertificate and Get-CsCertificate for the Edge certificates, issued
 * by the emulator's local CA. Lync's Request-CsCertificate only writes a request for a CA and
 * Set-CsCertificate assigns the certificate that comes back; the emulator is its own CA, so
 * Request-CsCertificate -New issues and assigns at once (docs/certificates.md). Listeners read the
 * certificate when their service starts, so a new one is served after Stop-/Start-CsWindowsService.
 */
public final class CertificateCmdlets {
  /** The uses the emulator has certificates for, in Get-CsCertificate's order. */
  static final List<String> USES = List.of("AccessEdgeExternal", "XmppServer", "Internal");

  private static final DateTimeFormatter POWERSHELL_DATE =
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

  private final Deployment deployment;
  private final LocalCertificateAuthority ca;
  private final EventJournal journal;

  public CertificateCmdlets(
      Deployment deployment, LocalCertificateAuthority ca, EventJournal journal) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.ca = Objects.requireNonNull(ca, "ca");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet(
            "Request-CsCertificate",
            "Issues an Edge certificate from the emulator's CA and assigns it (emulator: request"
                + " and assignment in one step).",
            this::request),
        new SimpleCmdlet(
            "Set-CsCertificate",
            "Assigns an issued certificate, by thumbprint, to a use.",
            this::set),
        new SimpleCmdlet(
            "Get-CsCertificate", "Lists the certificates assigned to the Edge.", this::get));
  }

  private CmdletOutput request(CmdletArguments args) {
    args.allow(
        "Request-CsCertificate",
        "New",
        "Type",
        "DomainName",
        "AllSipDomain",
        "FriendlyName",
        "CA",
        "CaAccount",
        "CaPassword",
        "Country",
        "State",
        "City",
        "Organization",
        "OU",
        "KeySize",
        "PrivateKeyExportable",
        "Output",
        "ComputerFqdn",
        "Template",
        "Verbose",
        "Force");
    if (!args.bool("New").orElse(false)) {
      throw CmdletException.invalidArgument(
          "Request-CsCertificate : the emulator supports -New only (-Renew, -Import and the"
              + " certificate request files need a real CA).");
    }
    List<String> uses = uses(args.require("Type"));
    requireExternal(uses, "Request-CsCertificate");
    Topology topology = deployment.current();
    Set<String> names = new LinkedHashSet<>();
    // Lync puts the Access Edge FQDN first (the subject); -DomainName adds SAN entries.
    names.add(topology.edge().accessEdgeFqdn());
    for (String name : args.get("DomainName").map(v -> v.split(",")).orElse(new String[0])) {
      String trimmed = name.trim().replaceAll("^[\"']|[\"']$", "");
      if (!trimmed.isEmpty()) {
        try {
          names.add(Fqdns.require(trimmed, "DomainName"));
        } catch (IllegalArgumentException e) {
          throw CmdletException.invalidArgument(
              "Cannot validate argument on parameter 'DomainName'. '"
                  + trimmed
                  + "' is not a"
                  + " valid domain name.");
        }
      }
    }
    if (args.bool("AllSipDomain").orElse(false)) {
      names.add("sip." + topology.sipDomain());
    }
    List<String> assigned = List.copyOf(names);
    Topology updated =
        deployment.update(
            "Request-CsCertificate -New -Type " + String.join(",", uses),
            t -> t.withEdge(t.edge().withExternalCertificateNames(assigned)));
    ServerIdentity identity = EdgeIdentities.external(ca, updated);
    List<PsObject> out = new ArrayList<>();
    for (String use : uses) {
      journalAssigned(use, identity.certificate());
      out.add(describe(use, identity.certificate()));
    }
    return CmdletOutput.of(out);
  }

  private CmdletOutput set(CmdletArguments args) {
    args.allow("Set-CsCertificate", "Type", "Thumbprint", "Identity", "Confirm", "Force");
    List<String> uses = uses(args.require("Type"));
    String thumbprint = args.require("Thumbprint").replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    List<PsObject> out = new ArrayList<>();
    for (String use : uses) {
      X509Certificate current = certificateFor(use);
      if (!thumbprintOf(current).equals(thumbprint)) {
        throw new CmdletException(
            "ObjectNotFound",
            "Set-CsCertificate : Cannot find a certificate with thumbprint \""
                + thumbprint
                + "\" in the emulator's store for "
                + use
                + ". The emulator's CA keeps the newest certificate per use; issue one with"
                + " Request-CsCertificate -New -Type "
                + use
                + ".");
      }
      journalAssigned(use, current);
      out.add(describe(use, current));
    }
    return CmdletOutput.of(out);
  }

  private CmdletOutput get(CmdletArguments args) {
    args.allow("Get-CsCertificate", "Type", "Identity");
    List<String> uses = args.get("Type").map(CertificateCmdlets::uses).orElse(USES);
    List<PsObject> out = new ArrayList<>();
    for (String use : uses) {
      out.add(describe(use, certificateFor(use)));
    }
    return CmdletOutput.of(out);
  }

  private X509Certificate certificateFor(String use) {
    Topology topology = deployment.current();
    return use.equals("Internal")
        ? EdgeIdentities.internal(ca, topology).certificate()
        : EdgeIdentities.external(ca, topology).certificate();
  }

  private void journalAssigned(String use, X509Certificate certificate) {
    journal.record(
        NewEvent.of("certificates", EventKind.CERTIFICATE_ASSIGNED)
            .with("use", use)
            .with("thumbprint", thumbprintOf(certificate))
            .with("subject", certificate.getSubjectX500Principal().getName())
            .with("names", String.join(",", alternativeNames(certificate))));
  }

  /** One certificate the way Get-CsCertificate lists it. */
  static PsObject describe(String use, X509Certificate certificate) {
    return PsObject.of("Microsoft.Rtc.Management.Deployment.CertificateReference")
        .put("Issuer", certificate.getIssuerX500Principal().getName())
        .put("NotAfter", POWERSHELL_DATE.format(certificate.getNotAfter().toInstant()))
        .put("NotBefore", POWERSHELL_DATE.format(certificate.getNotBefore().toInstant()))
        .put("SerialNumber", certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT))
        .put("Subject", certificate.getSubjectX500Principal().getName())
        .put("AlternativeNames", alternativeNames(certificate))
        .put("Thumbprint", thumbprintOf(certificate))
        .put("Use", use)
        .build();
  }

  /** The SHA-1 of the DER encoding in upper-case hex, as Windows shows a thumbprint. */
  public static String thumbprintOf(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot compute a thumbprint: " + e, e);
    }
  }

  /** The DNS names of the subjectAltName, in certificate order. */
  static List<String> alternativeNames(X509Certificate certificate) {
    try {
      if (certificate.getSubjectAlternativeNames() == null) {
        return List.of();
      }
      return certificate.getSubjectAlternativeNames().stream()
          .filter(entry -> Integer.valueOf(2).equals(entry.get(0))) // 2 = dNSName
          .map(entry -> entry.get(1).toString())
          .toList();
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }

  /** {@code -Type} takes a comma-separated list, case-insensitive, shown in canonical case. */
  private static List<String> uses(String value) {
    List<String> uses = new ArrayList<>();
    for (String part : value.split(",")) {
      String wanted = part.trim();
      String use =
          USES.stream()
              .filter(u -> u.equalsIgnoreCase(wanted))
              .findFirst()
              .orElseThrow(
                  () ->
                      CmdletException.invalidArgument(
                          "Cannot bind parameter 'Type'. '"
                              + wanted
                              + "' is not a certificate use the emulator has; use one of "
                              + String.join(", ", USES)
                              + "."));
      if (!uses.contains(use)) {
        uses.add(use);
      }
    }
    return uses;
  }

  private static void requireExternal(List<String> uses, String cmdlet) {
    if (uses.contains("Internal")) {
      throw CmdletException.invalidArgument(
          cmdlet
              + " : the Edge internal certificate is issued for the internal FQDN by the"
              + " emulator's CA; request AccessEdgeExternal or XmppServer. Valid types: "
              + Arrays.toString(USES.toArray()));
    }
  }
}
