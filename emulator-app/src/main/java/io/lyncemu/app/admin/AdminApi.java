package io.lyncemu.app.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lyncemu.app.assembly.Listeners;
import io.lyncemu.core.EmulatorException;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalEvent;
import io.lyncemu.core.journal.JournalExporter;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.journal.JournalTimeoutException;
import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.CommandLine;
import io.lyncemu.core.management.PowerShellFormatter;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.scenario.Scenario;
import io.lyncemu.core.scenario.ScenarioException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API: health, endpoints, cmdlets, journal, scenarios, clock and the CA, as JSON over
 * HTTP. Pure request logic; the Jetty adapter only decodes and encodes. Every failure answers with
 * a JSON {@code {"error": …}} body and a fitting status. Thread-safe: requests run concurrently on
 * the server's threads, and {@code /journal/await} blocks its own thread only.
 */
public final class AdminApi {
  /** Request bodies larger than this are refused with 413. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** An await never holds a server thread longer than this, whatever the caller asks. */
  static final Duration MAX_AWAIT = Duration.ofMinutes(5);

  private static final Duration DEFAULT_AWAIT = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
  private static final Pattern APPLY = Pattern.compile("^/scenarios/([^/]+)/apply$");

  private final AdminBackend backend;
  private final ObjectMapper json = new ObjectMapper();
  private final JournalExporter exporter;

  public AdminApi(AdminBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.exporter = new JournalExporter(backend.version());
  }

  /** The answer for a body over {@link #MAX_BODY_BYTES}, decided by the adapter while reading. */
  public AdminResponse tooLarge() {
    return error(
        413, "request body is larger than " + MAX_BODY_BYTES + " bytes; send a smaller one");
  }

  public AdminResponse handle(AdminRequest request) {
    Objects.requireNonNull(request, "request");
    String path =
        request.path().length() > 1 && request.path().endsWith("/")
            ? request.path().substring(0, request.path().length() - 1)
            : request.path();
    try {
      return route(request, path);
    } catch (BadRequest e) {
      return error(e.status, e.getMessage());
    } catch (CmdletException e) {
      return error(400, e.getMessage(), e.category());
    } catch (EmulatorException | IllegalArgumentException e) {
      return error(400, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("admin API {} {} failed", request.method(), path, e);
      return error(500, "the emulator failed to answer " + path + ": " + e);
    }
  }

  private AdminResponse route(AdminRequest request, String path) {
    String method = request.method().toUpperCase(Locale.ROOT);
    Matcher apply = APPLY.matcher(path);
    if (apply.matches()) {
      requireMethod(method, "POST", path);
      return applyScenario(apply.group(1));
    }
    switch (path) {
      case "/":
        requireMethod(method, "GET", path);
        return index();
      case "/health":
        requireMethod(method, "GET", path);
        return health();
      case "/endpoints":
        requireMethod(method, "GET", path);
        return ok(json.valueToTree(backend.listeners().table()));
      case "/cmdlets":
        requireMethod(method, "GET", path);
        return cmdlets();
      case "/cmdlets/invoke":
        requireMethod(method, "POST", path);
        return invoke(request);
      case "/journal":
        if (method.equals("DELETE")) {
          backend.journal().clear();
          return AdminResponse.noContent();
        }
        requireMethod(method, "GET", path);
        return journal(request);
      case "/journal/await":
        requireMethod(method, "GET", path);
        return await(request);
      case "/journal.jsonl":
        requireMethod(method, "GET", path);
        return jsonLines(request);
      case "/journal.har":
        requireMethod(method, "GET", path);
        return har(request);
      case "/scenarios":
        requireMethod(method, "GET", path);
        return scenarios();
      case "/scenarios/active":
        requireMethod(method, "GET", path);
        return activeScenario();
      case "/scenarios/clear":
        requireMethod(method, "POST", path);
        return clearScenario();
      case "/clock":
        requireMethod(method, "GET", path);
        return ok(clock());
      case "/clock/advance":
        requireMethod(method, "POST", path);
        return advanceClock(request);
      case "/ca.pem":
        requireMethod(method, "GET", path);
        return caPem();
      default:
        throw new BadRequest(404, "no admin API route " + path + "; GET / lists them");
    }
  }

  private static void requireMethod(String method, String expected, String path) {
    if (!method.equals(expected)) {
      throw new BadRequest(405, path + " answers " + expected + ", not " + method);
    }
  }

  private AdminResponse index() {
    ObjectNode root = json.createObjectNode();
    root.put("product", "Lync Emulator");
    root.put("version", backend.version());
    ArrayNode routes = root.putArray("routes");
    for (String route :
        List.of(
            "GET /health",
            "GET /endpoints",
            "GET /cmdlets",
            "POST /cmdlets/invoke",
            "GET /journal?kind=&component=&where=attr=value&after=&limit=",
            "GET /journal/await?kind=&component=&where=&after=&timeout=5s",
            "GET /journal.jsonl",
            "GET /journal.har",
            "DELETE /journal",
            "GET /scenarios",
            "GET /scenarios/active",
            "POST /scenarios/{name}/apply",
            "POST /scenarios/clear",
            "GET /clock",
            "POST /clock/advance?by=61m",
            "GET /ca.pem")) {
      routes.add(route);
    }
    return ok(root);
  }

  private AdminResponse health() {
    Listeners listeners = backend.listeners();
    List<String> unbound = listeners.unbound();
    ObjectNode root = json.createObjectNode();
    ObjectNode bound = json.createObjectNode();
    listeners.table().forEach((name, listener) -> bound.put(name, listener.url()));
    if (unbound.isEmpty()) {
      root.put("status", "ok");
      root.put("version", backend.version());
      root.set("listeners", bound);
      return ok(root);
    }
    root.put("status", "unavailable");
    root.put("error", "listeners not bound: " + String.join(", ", unbound));
    ArrayNode missing = root.putArray("unbound");
    unbound.forEach(missing::add);
    root.set("listeners", bound);
    return json(503, root);
  }

  private AdminResponse cmdlets() {
    ArrayNode list = json.createArrayNode();
    for (Cmdlet cmdlet : backend.cmdlets().list()) {
      list.addObject().put("name", cmdlet.name()).put("synopsis", cmdlet.synopsis());
    }
    return ok(list);
  }

  private AdminResponse invoke(AdminRequest request) {
    JsonNode body = parseBody(request);
    String name;
    CmdletArguments arguments;
    String pipeline = null;
    if (body.hasNonNull("commandLine")) {
      String text = textField(body, "commandLine");
      List<CommandLine> stages = CommandLine.parsePipeline(text);
      for (CommandLine stage : stages) {
        if (backend.cmdlets().find(stage.cmdlet()).isEmpty()) {
          return unknownCmdlet(stage.cmdlet());
        }
      }
      // A pipeline's errors are reported under its last cmdlet, the one its output comes from.
      CommandLine line = stages.get(stages.size() - 1);
      name = line.cmdlet();
      arguments = line.arguments();
      pipeline = stages.size() > 1 ? text : null;
    } else if (body.hasNonNull("cmdlet")) {
      name = textField(body, "cmdlet");
      arguments = arguments(body);
    } else {
      throw new BadRequest(
          400,
          "give {\"commandLine\": \"Get-CsUser -Identity sip:…\"} or {\"cmdlet\": \"Get-CsUser\","
              + " \"parameters\": {\"Identity\": \"sip:…\"}}");
    }
    Optional<Cmdlet> cmdlet = backend.cmdlets().find(name);
    if (cmdlet.isEmpty()) {
      return unknownCmdlet(name);
    }
    String displayName = cmdlet.get().name();
    CmdletOutput output;
    try {
      output =
          pipeline != null
              ? backend.cmdlets().run(pipeline)
              : backend.cmdlets().invoke(displayName, arguments);
    } catch (CmdletException e) {
      return error(400, displayName + " : " + e.getMessage(), e.category());
    } catch (EmulatorException e) {
      return error(400, displayName + " : " + e.getMessage(), "InvalidOperation");
    }
    ObjectNode root = json.createObjectNode();
    root.put("succeeded", output.succeeded());
    ArrayNode objects = root.putArray("objects");
    for (PsObject object : output.objects()) {
      ObjectNode node = objects.addObject();
      node.put("typeName", object.typeName());
      ObjectNode properties = node.putObject("properties");
      object.properties().forEach((key, value) -> properties.set(key, value(value)));
    }
    root.put("text", PowerShellFormatter.format(output.objects()));
    return ok(root);
  }

  private AdminResponse unknownCmdlet(String name) {
    return error(
        404,
        name
            + " : The term '"
            + name
            + "' is not recognized as the name of a cmdlet, function, script file, or operable"
            + " program.",
        "ObjectNotFound");
  }

  private CmdletArguments arguments(JsonNode body) {
    JsonNode list = body.get("arguments");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new BadRequest(
            400, "\"arguments\" must be an array of strings as a shell splits them");
      }
      List<String> tokens = new ArrayList<>();
      list.forEach(token -> tokens.add(token.asText()));
      return CmdletArguments.parse(tokens);
    }
    JsonNode parameters = body.get("parameters");
    if (parameters == null || parameters.isNull()) {
      return CmdletArguments.none();
    }
    if (!parameters.isObject()) {
      throw new BadRequest(400, "\"parameters\" must be an object of name → value");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> parameter = it.next();
      JsonNode value = parameter.getValue();
      // JSON true/false become PowerShell's $True/$False; null is a bare switch.
      String text =
          value.isNull()
              ? null
              : value.isBoolean() ? (value.asBoolean() ? "$True" : "$False") : value.asText();
      values.put(parameter.getKey(), text);
    }
    return CmdletArguments.of(values);
  }

  private JsonNode value(Object value) {
    if (value == null) {
      return json.nullNode();
    }
    if (value instanceof Boolean || value instanceof Number || value instanceof String) {
      return json.valueToTree(value);
    }
    if (value instanceof Collection<?> collection) {
      ArrayNode array = json.createArrayNode();
      collection.forEach(item -> array.add(value(item)));
      return array;
    }
    return json.getNodeFactory().textNode(PowerShellFormatter.render(value));
  }

  private JournalQuery query(AdminRequest request) {
    JournalQuery query = JournalQuery.all();
    List<EventKind> kinds = new ArrayList<>();
    for (String value : request.parameters("kind")) {
      for (String kind : value.split(",")) {
        if (!kind.isBlank()) {
          kinds.add(kind(kind.strip()));
        }
      }
    }
    if (!kinds.isEmpty()) {
      query =
          JournalQuery.kind(kinds.get(0), kinds.subList(1, kinds.size()).toArray(new EventKind[0]));
    }
    Optional<String> component = request.parameter("component");
    if (component.isPresent()) {
      query = query.component(component.get());
    }
    for (String where : request.parameters("where")) {
      int eq = where.indexOf('=');
      if (eq < 1) {
        throw new BadRequest(400, "where must be attribute=value, not '" + where + "'");
      }
      query = query.where(where.substring(0, eq), where.substring(eq + 1));
    }
    Optional<String> after = request.parameter("after");
    if (after.isPresent()) {
      query = query.after(number("after", after.get()));
    }
    return query;
  }

  private static EventKind kind(String text) {
    try {
      return EventKind.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(
          400, "unknown event kind '" + text + "'; known: " + Arrays.toString(EventKind.values()));
    }
  }

  private static long number(String name, String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new BadRequest(400, name + " must be a number, not '" + text + "'");
    }
  }

  private List<JournalEvent> events(AdminRequest request) {
    List<JournalEvent> events = backend.journal().query(query(request));
    Optional<String> limit = request.parameter("limit");
    if (limit.isPresent()) {
      long max = number("limit", limit.get());
      if (max < 0) {
        throw new BadRequest(400, "limit must not be negative");
      }
      events = events.subList(0, (int) Math.min(max, events.size()));
    }
    return events;
  }

  private AdminResponse journal(AdminRequest request) {
    ArrayNode array = json.createArrayNode();
    events(request).forEach(event -> array.add(exporter.toJson(event)));
    return ok(array);
  }

  private AdminResponse await(AdminRequest request) {
    JournalQuery query = query(request);
    Duration timeout =
        request
            .parameter("timeout")
            .map(t -> CmdletArguments.of(Map.of("timeout", t)).duration("timeout").orElseThrow())
            .orElse(DEFAULT_AWAIT);
    if (timeout.isNegative() || timeout.compareTo(MAX_AWAIT) > 0) {
      throw new BadRequest(400, "timeout must be between 0 and " + MAX_AWAIT.toMinutes() + "m");
    }
    try {
      return ok(exporter.toJson(backend.journal().await(query, timeout)));
    } catch (JournalTimeoutException e) {
      return error(408, e.getMessage());
    }
  }

  private AdminResponse jsonLines(AdminRequest request) {
    StringWriter out = new StringWriter();
    exporter.writeJsonLines(events(request), out);
    return AdminResponse.text(200, "application/x-ndjson; charset=utf-8", out.toString());
  }

  private AdminResponse har(AdminRequest request) {
    StringWriter out = new StringWriter();
    exporter.writeHar(events(request), out);
    return AdminResponse.text(200, AdminResponse.JSON, out.toString());
  }

  private AdminResponse scenarios() {
    Optional<String> active = backend.scenarios().active().map(Scenario::name);
    ArrayNode list = json.createArrayNode();
    for (Scenario scenario : backend.scenarios().list()) {
      list.add(scenario(scenario, active.filter(scenario.name()::equals).isPresent()));
    }
    return ok(list);
  }

  private AdminResponse activeScenario() {
    ObjectNode root = json.createObjectNode();
    root.set(
        "active",
        backend.scenarios().active().<JsonNode>map(s -> scenario(s, true)).orElse(json.nullNode()));
    return ok(root);
  }

  private AdminResponse applyScenario(String name) {
    if (backend.scenarios().find(name).isEmpty()) {
      throw new BadRequest(
          404,
          "no scenario '"
              + name
              + "'; known: "
              + backend.scenarios().list().stream().map(Scenario::name).toList());
    }
    try {
      return ok(scenario(backend.scenarios().apply(name), true));
    } catch (ScenarioException e) {
      return error(409, e.getMessage());
    }
  }

  private AdminResponse clearScenario() {
    ObjectNode root = json.createObjectNode();
    Optional<Scenario> cleared = backend.scenarios().clear();
    root.put("cleared", cleared.map(Scenario::name).orElse(null));
    return ok(root);
  }

  private ObjectNode scenario(Scenario scenario, boolean active) {
    ObjectNode node = json.createObjectNode();
    node.put("name", scenario.name());
    node.put("title", scenario.title());
    node.put("symptom", scenario.symptom());
    node.put("source", scenario.source());
    node.put("active", active);
    ArrayNode changes = node.putArray("changes");
    scenario.changes().forEach(changes::add);
    node.put("faults", scenario.faults().size());
    return node;
  }

  private ObjectNode clock() {
    ObjectNode root = json.createObjectNode();
    root.put("now", backend.clock().instant().toString());
    root.put("offset", backend.clock().offset().toString());
    return root;
  }

  private AdminResponse advanceClock(AdminRequest request) {
    String by =
        request
            .parameter("by")
            .orElseThrow(() -> new BadRequest(400, "give ?by=DURATION, e.g. ?by=61m or ?by=PT2H"));
    // Through the cmdlet, so the advance is validated and journaled exactly as from the shell.
    backend.cmdlets().invoke("Set-CsEmulatorClock", CmdletArguments.of(Map.of("Advance", by)));
    return ok(clock());
  }

  private AdminResponse caPem() {
    try {
      return AdminResponse.text(200, "application/x-pem-file", Files.readString(backend.caPem()));
    } catch (NoSuchFileException e) {
      return error(404, "the CA file " + backend.caPem() + " is missing; restart the emulator");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + backend.caPem(), e);
    }
  }

  private JsonNode parseBody(AdminRequest request) {
    byte[] body = request.body();
    if (body.length == 0) {
      throw new BadRequest(400, "the request needs a JSON body");
    }
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw new BadRequest(400, "the request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadRequest(
          400, "the request body is not valid JSON: " + e.getOriginalMessage().replace('\n', ' '));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String textField(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (!value.isTextual()) {
      throw new BadRequest(400, "\"" + field + "\" must be a string");
    }
    return value.asText();
  }

  private AdminResponse ok(JsonNode node) {
    return json(200, node);
  }

  private AdminResponse json(int status, JsonNode node) {
    try {
      return new AdminResponse(
          status,
          AdminResponse.JSON,
          json.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private AdminResponse error(int status, String message) {
    ObjectNode root = json.createObjectNode();
    root.put("error", message);
    return json(status, root);
  }

  private AdminResponse error(int status, String message, String category) {
    ObjectNode root = json.createObjectNode();
    root.put("error", message);
    root.put("category", category);
    return json(status, root);
  }

  /** A request the API refuses, with the status to answer. */
  private static final class BadRequest extends EmulatorException {
    private static final long serialVersionUID = 1L;
    private final int status;

    BadRequest(int status, String message) {
      super(message);
      this.status = status;
    }
  }
}
