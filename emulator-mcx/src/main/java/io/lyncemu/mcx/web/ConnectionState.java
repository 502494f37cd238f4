package io.lyncemu.mcx.web;

import java.util.function.Supplier;

/** Per-connection attributes; gone when the TCP connection closes. */
public interface ConnectionState {

  <T> T get(String key, Class<T> type);

  <T> T computeIfAbsent(String key, Class<T> type, Supplier<T> factory);

  void remove(String key);
}
