package io.lyncemu.core.management;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameters as PowerShell binds them: {@code -Name value}, {@code -Name:value}, switches without a
 * value, and positional values. Names compare case-insensitively; {@code $True}/{@code
 * $False}/{@code $null} and quoted strings are understood. Immutable.
 */
public final class CmdletArguments {
  private static final Pattern DURATION = Pattern.compile("(?i)^(\\d+)\\s*(ms|s|m|h|d)?$");
  private final Map<String, Optional<String>> named;
  private final Map<String, String> originalNames;
  private final List<String> positional;

  private CmdletArguments(
      Map<String, Optional<String>> named,
      Map<String, String> originalNames,
      List<String> positional) {
    this.named = Collections.unmodifiableMap(named);
    this.originalNames = Collections.unmodifiableMap(originalNames);
    this.positional = List.copyOf(positional);
  }

  public static CmdletArguments none() {
    return new CmdletArguments(Map.of(), Map.of(), List.of());
  }

  /** Binds tokens as the shell split them, e.g. {@code ["-Identity", "sip:a@b", "-Force"]}. */
  public static CmdletArguments parse(List<String> tokens) {
    Map<String, Optional<String>> named = new LinkedHashMap<>();
    Map<String, String> original = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (isParameterName(token)) {
        String name = token.substring(1);
        String value = null;
        int colon = name.indexOf(':');
        if (colon > 0) {
          value = unquote(name.substring(colon + 1));
          name = name.substring(0, colon);
        } else if (i + 1 < tokens.size() && !isParameterName(tokens.get(i + 1))) {
          value = unquote(tokens.get(++i));
        }
        String key = name.toLowerCase(Locale.ROOT);
        named.put(key, Optional.ofNullable(value));
        original.put(key, name);
      } else {
        positional.add(unquote(token));
      }
    }
    return new CmdletArguments(named, original, positional);
  }

  /** Binds named values from a map (the admin API's JSON form); a null value is a switch. */
  public static CmdletArguments of(Map<String, String> values) {
    Map<String, Optional<String>> named = new LinkedHashMap<>();
    Map<String, String> original = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          String bare = name.startsWith("-") ? name.substring(1) : name;
          named.put(
              bare.toLowerCase(Locale.ROOT),
              Optional.ofNullable(value).map(CmdletArguments::unquote));
          original.put(bare.toLowerCase(Locale.ROOT), bare);
        });
    return new CmdletArguments(named, original, List.of());
  }

  private static boolean isParameterName(String token) {
    return token.length() > 1 && token.charAt(0) == '-' && Character.isLetter(token.charAt(1));
  }

  private static String unquote(String value) {
    String v = value.trim();
    if (v.length() >= 2
        && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  public boolean has(String name) {
    return named.containsKey(name.toLowerCase(Locale.ROOT));
  }

  public Optional<String> get(String name) {
    return named
        .getOrDefault(name.toLowerCase(Locale.ROOT), Optional.empty())
        .filter(v -> !v.equalsIgnoreCase("$null"));
  }

  /**
   * True when the value was given as {@code $null}, e.g. {@code Grant-CsMobilityPolicy -PolicyName
   * $null}.
   */
  public boolean isNull(String name) {
    return has(name)
        && named
            .get(name.toLowerCase(Locale.ROOT))
            .map(v -> v.equalsIgnoreCase("$null"))
            .orElse(false);
  }

  public String require(String name) {
    return get(name)
        .orElseThrow(
            () ->
                new CmdletException(
                    "InvalidArgument",
                    "Cannot bind argument to parameter '"
                        + name
                        + "' because it is null or missing."));
  }

  /** {@code -Identity} or, as PowerShell binds it, the first positional value. */
  public Optional<String> identity() {
    return get("Identity")
        .or(() -> positional.isEmpty() ? Optional.empty() : Optional.of(positional.get(0)));
  }

  public Optional<Boolean> bool(String name) {
    if (!has(name)) {
      return Optional.empty();
    }
    Optional<String> value = named.get(name.toLowerCase(Locale.ROOT));
    if (value.isEmpty()) {
      return Optional.of(true); // a bare switch
    }
    String v = value.get().trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "$true", "true", "1", "yes" -> Optional.of(true);
      case "$false", "false", "0", "no" -> Optional.of(false);
      default ->
          throw new CmdletException(
              "InvalidArgument",
              "Cannot process argument transformation on parameter '"
                  + name
                  + "'. Use $True or $False, not '"
                  + value.get()
                  + "'.");
    };
  }

  public Optional<Long> integer(String name) {
    return get(name)
        .map(
            v -> {
              try {
                return Long.parseLong(v.trim());
              } catch (NumberFormatException e) {
                throw new CmdletException(
                    "InvalidArgument",
                    "Cannot bind parameter '" + name + "'. '" + v + "' is not a number.");
              }
            });
  }

  /**
   * Durations as {@code 61m}, {@code 90s}, {@code 2h}, {@code 1d}, {@code 500ms} or ISO-8601
   * ({@code PT61M}).
   */
  public Optional<Duration> duration(String name) {
    return get(name).map(v -> parseDuration(name, v));
  }

  static Duration parseDuration(String name, String text) {
    String v = text.trim();
    if (v.toUpperCase(Locale.ROOT).startsWith("P")) {
      return Duration.parse(v.toUpperCase(Locale.ROOT));
    }
    if (v.contains(":")) { // hh:mm:ss as PowerShell's TimeSpan
      String[] parts = v.split(":");
      if (parts.length == 3) {
        return Duration.ofHours(Long.parseLong(parts[0]))
            .plusMinutes(Long.parseLong(parts[1]))
            .plusSeconds(Long.parseLong(parts[2]));
      }
    }
    Matcher m = DURATION.matcher(v);
    if (!m.matches()) {
      throw new CmdletException(
          "InvalidArgument",
          "Cannot bind parameter '"
              + name
              + "'. '"
              + text
              + "' is not a duration like 61m, 90s or 2h.");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  /**
   * Binds the arguments to the cmdlet's parameters as PowerShell does and returns them under the
   * parameters' full names; use the result, not this. A name may be shortened to any unambiguous
   * prefix ({@code -EnableFederationAcces} is EnableFederationAccess), an exact name wins over
   * longer names that start with it ({@code -Enabled} beside {@code -EnabledSharedAddressSpace}),
   * and the only positional slot is the Identity. Unlike {@link #allow}, which callers use for its
   * check alone, this is a separate method so that a cmdlet still reading the unbound names can
   * never silently ignore an abbreviated parameter.
   *
   * @throws CmdletException with PowerShell's wording for an unknown or ambiguous name, a parameter
   *     given twice, or a positional value nothing accepts
   */
  public CmdletArguments bind(String cmdlet, String... parameters) {
    List<String> all = new ArrayList<>(List.of(parameters));
    if (all.stream().noneMatch(p -> p.equalsIgnoreCase("Identity"))) {
      all.add(0, "Identity");
    }
    Map<String, Optional<String>> boundValues = new LinkedHashMap<>();
    Map<String, String> boundNames = new LinkedHashMap<>();
    for (Map.Entry<String, Optional<String>> entry : named.entrySet()) {
      String full = resolve(originalNames.get(entry.getKey()), all);
      String key = full.toLowerCase(Locale.ROOT);
      if (boundValues.containsKey(key)) {
        throw new CmdletException(
            "InvalidArgument",
            "Cannot bind parameter because parameter '"
                + full
                + "' is specified more than once. To provide multiple values to parameters that"
                + " can accept multiple values, use the array syntax. For example, \"-parameter"
                + " value1,value2,value3\".");
      }
      boundValues.put(key, entry.getValue());
      boundNames.put(key, full);
    }
    int slots = boundValues.containsKey("identity") ? 0 : 1;
    if (positional.size() > slots) {
      throw new CmdletException(
          "InvalidArgument",
          "A positional parameter cannot be found that accepts argument '"
              + positional.get(slots)
              + "'.");
    }
    return new CmdletArguments(boundValues, boundNames, positional);
  }

  private static String resolve(String given, List<String> parameters) {
    for (String parameter : parameters) {
      if (parameter.equalsIgnoreCase(given)) {
        return parameter;
      }
    }
    List<String> matches =
        parameters.stream()
            .filter(p -> p.regionMatches(true, 0, given, 0, given.length()))
            .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new CmdletException(
          "InvalidArgument",
          "A parameter cannot be found that matches parameter name '" + given + "'.");
    }
    throw new CmdletException(
        "InvalidArgument",
        "Parameter cannot be processed because the parameter name '"
            + given
            + "' is ambiguous. Possible matches include: -"
            + String.join(" -", matches)
            + ".");
  }

  /**
   * {@link #identity()} or PowerShell's error for a missing mandatory Identity, so New-, Set- and
   * Grant- cmdlets need not repeat it.
   */
  public String requireIdentity() {
    return identity()
        .orElseThrow(
            () ->
                new CmdletException(
                    "InvalidArgument",
                    "Cannot bind argument to parameter 'Identity' because it is null."));
  }

  /**
   * A value converted by {@code parser} (an enum's {@code parse}, a list splitter…); the parser's
   * IllegalArgumentException becomes PowerShell's conversion error naming the parameter.
   */
  public <T> Optional<T> parsed(String name, Function<String, T> parser) {
    return get(name)
        .map(
            v -> {
              try {
                return parser.apply(v);
              } catch (IllegalArgumentException e) {
                throw new CmdletException(
                    "InvalidArgument",
                    "Cannot bind parameter '"
                        + name
                        + "'. Cannot convert value \""
                        + v
                        + "\": "
                        + e.getMessage()
                        + ".");
              }
            });
  }

  /**
   * These arguments with {@code identity} bound from the pipeline, as {@code Get-CsUser |
   * Grant-CsExternalAccessPolicy} binds each user. An Identity already given is an error in
   * PowerShell too.
   */
  CmdletArguments withPipelineIdentity(String identity) {
    if (has("Identity") || !positional.isEmpty()) {
      throw new CmdletException(
          "InvalidArgument",
          "The input object cannot be bound to any parameters for the command either because the"
              + " command does not take pipeline input or the input and its properties do not"
              + " match any of the parameters that take pipeline input.");
    }
    Map<String, Optional<String>> values = new LinkedHashMap<>(named);
    Map<String, String> names = new LinkedHashMap<>(originalNames);
    values.put("identity", Optional.of(identity));
    names.put("identity", "Identity");
    return new CmdletArguments(values, names, positional);
  }

  /** Refuses parameters the cmdlet does not have, with PowerShell's wording. */
  public CmdletArguments allow(String cmdlet, String... parameters) {
    Set<String> allowed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    allowed.addAll(List.of(parameters));
    allowed.add("Identity");
    for (String key : named.keySet()) {
      if (!allowed.contains(key)) {
        throw new CmdletException(
            "InvalidArgument",
            "A parameter cannot be found that matches parameter name '"
                + originalNames.get(key)
                + "'.");
      }
    }
    return this;
  }

  public List<String> positional() {
    return positional;
  }

  /** The named parameters as given (original spelling), for journaling. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    named.forEach((k, v) -> map.put(originalNames.get(k), v.orElse("")));
    return map;
  }
}
