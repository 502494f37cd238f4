package io.lyncemu.core.dns;

/** The record types the emulated zones hold. */
public enum DnsRecordType {
  A,
  SRV
}
