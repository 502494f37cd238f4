package io.lyncemu.app.assembly;

import java.util.List;

/**
 * One part of the emulator (web services, edge, push …) that the assembly installs: it declares the
 * listeners it binds and, in {@link #install}, registers its services and cmdlets in the context.
 * Modules are found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/io.lyncemu.app.assembly.EmulatorModule}), so a new surface is a new class plus
 * one line there, never an edit to the assembly. Implementations need a public no-argument
 * constructor and must not start anything in {@code install}: the assembly starts every service
 * after every module is installed.
 */
public interface EmulatorModule {

  /** A short name for error messages, e.g. {@code web}. */
  String name();

  /** The listeners the services registered by {@link #install} will bind. */
  List<ListenerSpec> listeners();

  void install(ModuleContext context);
}
