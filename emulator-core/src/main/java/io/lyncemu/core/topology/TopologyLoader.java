package io.lyncemu.core.topology;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lyncemu.core.federation.Negotiation;
import io.lyncemu.core.federation.RoutingMethod;
import io.lyncemu.core.federation.VerificationLevel;
import io.lyncemu.core.federation.XmppPartnerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The only class that knows the topology file format: YAML (JSON is valid YAML) with
 * lower-kebab-case keys. Errors name the file, line, column and field path. Also serves the two
 * built-in topologies, {@code litwareinc} and {@code lync-defaults}. Thread-safe.
 */
public final class TopologyLoader {
  public static final String DEFAULT = "litwareinc";
  public static final String LYNC_DEFAULTS = "lync-defaults";
  private static final List<String> BUILT_IN = List.of(DEFAULT, LYNC_DEFAULTS);

  private final ObjectMapper yaml;

  public TopologyLoader() {
    this.yaml =
        JsonMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .addModule(lyncEnums())
            .build();
  }

  /** Lets a file say {@code NotSupported} or {@code UseSourceVerification}, as the cmdlets do. */
  private static SimpleModule lyncEnums() {
    SimpleModule module = new SimpleModule("lync-enums");
    add(module, Negotiation.class, Negotiation::parse);
    add(module, XmppPartnerType.class, XmppPartnerType::parse);
    add(module, VerificationLevel.class, VerificationLevel::parse);
    add(module, RoutingMethod.class, RoutingMethod::parse);
    return module;
  }

  private static <E> void add(SimpleModule module, Class<E> type, Function<String, E> parse) {
    module.addDeserializer(
        type,
        new FromStringDeserializer<E>(type) {
          @Override
          protected E _deserialize(String value, DeserializationContext context) {
            return parse.apply(value);
          }
        });
  }

  public static List<String> builtInNames() {
    return BUILT_IN;
  }

  /** A built-in name ({@code litwareinc}, {@code lync-defaults}) or a path to a YAML/JSON file. */
  public Topology load(String nameOrPath) {
    String key = nameOrPath.toLowerCase(Locale.ROOT);
    if (BUILT_IN.contains(key) || key.equals("litwareinc.com") || key.equals("default")) {
      return builtIn(key.equals("lync-defaults") ? LYNC_DEFAULTS : DEFAULT);
    }
    return load(Path.of(nameOrPath));
  }

  public Topology builtIn(String name) {
    if (!BUILT_IN.contains(name)) {
      throw new TopologyException(
          "no built-in topology '"
              + name
              + "'; choose one of "
              + BUILT_IN
              + " or give a file path");
    }
    String resource = "/io/lyncemu/core/topology/" + name + ".yaml";
    try (InputStream in = TopologyLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new TopologyException("built-in topology resource " + resource + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in:" + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Topology load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new TopologyException(
          "topology file "
              + file
              + " does not exist; give a YAML file or one of the built-in names "
              + BUILT_IN);
    } catch (IOException e) {
      throw new TopologyException("cannot read topology file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses topology text; {@code source} names it in error messages. */
  public Topology parse(String text, String source) {
    if (text.isBlank()) {
      throw new TopologyException(
          source + ": the topology is empty; at least sip-domain is required");
    }
    try {
      Topology topology = yaml.readValue(text, Topology.class);
      if (topology == null) {
        throw new TopologyException(
            source + ": the topology is empty; at least sip-domain is required");
      }
      return topology;
    } catch (JsonProcessingException e) {
      throw new TopologyException(describe(source, text, e), e);
    }
  }

  private static String describe(String source, String text, JsonProcessingException e) {
    StringBuilder message = new StringBuilder(source);
    JsonLocation location = e.getLocation();
    int unknownLine =
        e instanceof UnrecognizedPropertyException unknown
            ? lineOf(text, unknown.getPropertyName())
            : -1;
    if (unknownLine > 0) {
      // Jackson reports where it stopped reading (after the value); the key's own line is more
      // useful.
      message.append(':').append(unknownLine);
    } else if (location != null && location.getLineNr() > 0) {
      message.append(':').append(location.getLineNr()).append(':').append(location.getColumnNr());
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      message.append(": field '").append(path(mapping.getPath())).append('\'');
    }
    message.append(": ").append(problem(e));
    return message.toString();
  }

  private static int lineOf(String text, String key) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String trimmed = lines[i].strip();
      if (trimmed.startsWith(key + ":")
          || trimmed.startsWith("- " + key + ":")
          || trimmed.startsWith("\"" + key + "\"")) {
        return i + 1;
      }
    }
    return -1;
  }

  private static String path(List<JsonMappingException.Reference> references) {
    return references.stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String problem(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown setting '"
          + unknown.getPropertyName()
          + "'; known settings here: "
          + unknown.getKnownPropertyIds();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException) {
      return root.getMessage();
    }
    return e.getOriginalMessage();
  }
}
