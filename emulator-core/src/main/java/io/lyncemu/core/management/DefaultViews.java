package io.lyncemu.core.management;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default view of each object type that PowerShell prints as a table rather than a list. Lync's
 * cmdlets print lists; the DnsServer module's records print as a table because its format file says
 * so. Widths are those of that format file (HostName 25, RecordType 10 …).
 */
public final class DefaultViews {
  /** The CIM type name Get-DnsServerResourceRecord returns. */
  public static final String DNS_RESOURCE_RECORD =
      "Microsoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/DNS/"
          + "DnsServerResourceRecord";

  private static final Map<String, TableView> TABLES =
      Map.of(
          DNS_RESOURCE_RECORD,
          new TableView(
              List.of(
                  new TableView.Column("HostName", 25),
                  new TableView.Column("RecordType", 10),
                  new TableView.Column("Type", 10),
                  new TableView.Column("Timestamp", 20),
                  new TableView.Column("TimeToLive", 15),
                  new TableView.Column("RecordData", 10))));

  private DefaultViews() {}

  /** The table view for objects of {@code typeName}, empty when they print as a list. */
  public static Optional<TableView> tableFor(String typeName) {
    return Optional.ofNullable(TABLES.get(typeName));
  }
}
