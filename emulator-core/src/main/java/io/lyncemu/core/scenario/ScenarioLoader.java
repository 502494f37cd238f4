package io.lyncemu.core.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lyncemu.core.fault.Fault;
import io.lyncemu.core.fault.FaultRule;
import io.lyncemu.core.fault.FaultTarget;
import io.lyncemu.core.fault.Trigger;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The only class that knows the scenario file format (YAML, lower-kebab-case keys). Unknown keys
 * are errors, so a typo never silently disables a fault. Thread-safe.
 *
 * <pre>
 * name: webticket-ntlm-401
 * title: …
 * symptom: …
 * source: seed 000 (Test mobile users' ability to exchange instant messages)
 * partner: an XMPP server for fabrikam.com that requires TLS   # optional, for trainers
 * changes:
 *   - Set-CsWebServiceConfiguration -UseWindowsAuth NTLM
 * faults:
 *   - id: reject-ntlm
 *     step: webticket.authenticate     # or path: /WebTicket, listener: web-https
 *     respond-with: {status: 401}      # or delay: 5s | reset: true | drop: true | stall: true
 *                                      #    | stop-service: W3SVC | advance-clock: 73h
 *     trigger: always                  # or {after: 2} | {nth: 1} | {for: 30s}
 * expect:
 *   transaction: Test-CsMcxP2PIM -Authentication Negotiate
 *   result: Failure
 *   error-message: …
 *   error-contains: [ … ]
 *   diagnose:                          # what an administrator's troubleshooting shows
 *     - command: Get-CsEmulatorNetstat -Port 5269
 *       output-contains: [LISTENING]
 *       output-lacks: [ESTABLISHED]
 * </pre>
 */
public final class ScenarioLoader {
  private static final Set<String> TOP =
      Set.of("name", "title", "symptom", "source", "partner", "changes", "faults", "expect");
  private static final Set<String> DIAGNOSE_KEYS =
      Set.of("command", "output-contains", "output-lacks");
  private static final Set<String> FAULT_KEYS =
      Set.of(
          "id",
          "step",
          "path",
          "listener",
          "trigger",
          "delay",
          "reset",
          "drop",
          "stall",
          "respond-with",
          "stop-service",
          "advance-clock");
  private static final Set<String> EXPECT_KEYS =
      Set.of(
          "transaction",
          "result",
          "error-message",
          "error-contains",
          "diagnosis-contains",
          "diagnose");
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  public Scenario parse(String text, String source) {
    JsonNode root;
    try {
      root = yaml.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ScenarioException(
          source + ":" + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ScenarioException(
          source + ": a scenario is a YAML mapping with at least name and expect");
    }
    try {
      checkKeys(root, TOP, "scenario");
      List<String> changes = new ArrayList<>();
      root.path("changes").forEach(change -> changes.add(change.asText()));
      List<FaultRule> faults = new ArrayList<>();
      int index = 0;
      for (JsonNode fault : root.path("faults")) {
        faults.add(fault(fault, required(root, "name") + "#" + index++));
      }
      return new Scenario(
          required(root, "name"),
          text(root, "title"),
          text(root, "symptom"),
          text(root, "source"),
          changes,
          faults,
          expectation(root.path("expect")),
          text(root, "partner"));
    } catch (IllegalArgumentException | ScenarioException e) {
      throw new ScenarioException(source + ": " + e.getMessage(), e);
    }
  }

  private static Expectation expectation(JsonNode expect) {
    if (!expect.isObject()) {
      throw new IllegalArgumentException("expect is required (transaction and result)");
    }
    checkKeys(expect, EXPECT_KEYS, "expect");
    return new Expectation(
        required(expect, "transaction"),
        text(expect, "result"),
        text(expect, "error-message"),
        strings(expect.path("error-contains")),
        strings(expect.path("diagnosis-contains")),
        diagnose(expect.path("diagnose")));
  }

  private static List<Expectation.DiagnosticStep> diagnose(JsonNode steps) {
    List<Expectation.DiagnosticStep> all = new ArrayList<>();
    for (JsonNode step : steps) {
      checkKeys(step, DIAGNOSE_KEYS, "diagnose step");
      all.add(
          new Expectation.DiagnosticStep(
              required(step, "command"),
              strings(step.path("output-contains")),
              strings(step.path("output-lacks"))));
    }
    return all;
  }

  private static FaultRule fault(JsonNode node, String defaultId) {
    checkKeys(node, FAULT_KEYS, "fault");
    FaultTarget target =
        new FaultTarget(text(node, "listener"), text(node, "path"), text(node, "step"));
    List<Fault> kinds = new ArrayList<>();
    if (node.has("delay")) {
      kinds.add(new Fault.Delay(duration(node.get("delay").asText())));
    }
    if (node.path("reset").asBoolean(false)) {
      kinds.add(new Fault.ResetConnection());
    }
    if (node.path("drop").asBoolean(false)) {
      kinds.add(new Fault.Drop());
    }
    if (node.path("stall").asBoolean(false)) {
      kinds.add(new Fault.Stall());
    }
    if (node.has("stop-service")) {
      kinds.add(new Fault.StopService(node.get("stop-service").asText()));
    }
    if (node.has("advance-clock")) {
      kinds.add(new Fault.AdvanceClock(duration(node.get("advance-clock").asText())));
    }
    if (node.has("respond-with")) {
      JsonNode r = node.get("respond-with");
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = r.path("headers").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> h = it.next();
        headers.add(new AbstractMap.SimpleImmutableEntry<>(h.getKey(), h.getValue().asText()));
      }
      if (!r.path("status").canConvertToInt()) {
        throw new IllegalArgumentException("respond-with needs a numeric status");
      }
      kinds.add(new Fault.RespondWith(r.get("status").asInt(), headers, r.path("body").asText("")));
    }
    if (kinds.size() != 1) {
      throw new IllegalArgumentException(
          "fault "
              + node.path("id").asText(defaultId)
              + " must have exactly one of delay, reset, drop, stall, respond-with, stop-service,"
              + " advance-clock");
    }
    return new FaultRule(
        node.path("id").asText(defaultId), target, kinds.get(0), trigger(node.get("trigger")));
  }

  private static Trigger trigger(JsonNode node) {
    if (node == null || node.isNull() || node.asText().equalsIgnoreCase("always")) {
      return new Trigger.Always();
    }
    if (node.has("after")) {
      return new Trigger.After(node.get("after").asInt());
    }
    if (node.has("nth")) {
      return new Trigger.Nth(node.get("nth").asInt());
    }
    if (node.has("for")) {
      return new Trigger.During(duration(node.get("for").asText()));
    }
    throw new IllegalArgumentException(
        "trigger must be always, {after: N}, {nth: N} or {for: DURATION}, not " + node);
  }

  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
      }
      long amount = Long.parseLong(t.substring(0, t.length() - 1).trim());
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw new IllegalArgumentException("bad unit");
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration like 500ms, 30s, 61m, 73h or PT1M", e);
    }
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            "unknown "
                + where
                + " setting '"
                + key
                + "'; known: "
                + allowed.stream().sorted().toList());
      }
    }
  }

  private static String required(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> strings(JsonNode node) {
    List<String> list = new ArrayList<>();
    node.forEach(n -> list.add(n.asText()));
    return list;
  }
}
