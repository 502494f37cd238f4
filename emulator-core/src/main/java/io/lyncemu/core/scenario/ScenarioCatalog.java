package io.lyncemu.core.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenarios shipped on the classpath. Each module that ships scenarios lists their names in
 * {@code META-INF/lyncemu/scenarios.list} (one per line) and keeps each as {@code
 * io/lyncemu/scenarios/<name>.yaml}; so later modules add scenarios without touching this class.
 * Immutable after construction.
 */
public final class ScenarioCatalog {
  static final String INDEX = "META-INF/lyncemu/scenarios.list";
  static final String FOLDER = "io/lyncemu/scenarios/";
  private final Map<String, Scenario> scenarios;
  private final ScenarioLoader loader;

  private ScenarioCatalog(Map<String, Scenario> scenarios, ScenarioLoader loader) {
    this.scenarios = scenarios;
    this.loader = loader;
  }

  public static ScenarioCatalog fromClasspath(ClassLoader classLoader) {
    ScenarioLoader loader = new ScenarioLoader();
    Map<String, Scenario> found = new LinkedHashMap<>();
    try {
      Enumeration<URL> indexes = classLoader.getResources(INDEX);
      while (indexes.hasMoreElements()) {
        URL index = indexes.nextElement();
        String text;
        try (InputStream in = index.openStream()) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n")) {
          String name = line.strip();
          if (name.isEmpty() || name.startsWith("#")) {
            continue;
          }
          found.put(name, loadResource(classLoader, loader, name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the scenario catalogue", e);
    }
    return new ScenarioCatalog(Map.copyOf(found), loader);
  }

  private static Scenario loadResource(ClassLoader classLoader, ScenarioLoader loader, String name)
      throws IOException {
    String resource = FOLDER + name + ".yaml";
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ScenarioException(
            INDEX + " lists '" + name + "' but " + resource + " is missing");
      }
      Scenario scenario =
          loader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
      if (!scenario.name().equals(name)) {
        throw new ScenarioException(
            resource + ": name '" + scenario.name() + "' differs from the file name");
      }
      return scenario;
    }
  }

  public List<Scenario> list() {
    List<Scenario> all = new ArrayList<>(scenarios.values());
    all.sort((a, b) -> a.name().compareTo(b.name()));
    return all;
  }

  public Optional<Scenario> find(String name) {
    return Optional.ofNullable(scenarios.get(name));
  }

  /** A catalogue name, or a path to a scenario YAML file. */
  public Scenario resolve(String nameOrFile) {
    Optional<Scenario> named = find(nameOrFile);
    if (named.isPresent()) {
      return named.get();
    }
    Path file = Path.of(nameOrFile);
    if (Files.isRegularFile(file)) {
      try {
        return loader.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
      } catch (IOException e) {
        throw new ScenarioException("cannot read scenario file " + file + ": " + e.getMessage(), e);
      }
    }
    throw new ScenarioException(
        "no scenario '"
            + nameOrFile
            + "': not in the catalogue "
            + scenarios.keySet().stream().sorted().toList()
            + " and not a file");
  }
}
