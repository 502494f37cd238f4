package io.lyncemu.junit;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.app.PortPlan;
import io.lyncemu.junit.LyncEmulatorTest.Lifecycle;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts a {@link LyncEmulator} for a test class or for each test method and stops it when that
 * scope ends, pass or fail: the running emulator is held in JUnit's extension store, which closes
 * it when the class or method context closes. Every listener binds port 0 and the state directory
 * is a fresh temporary one, so test classes never collide. Use it through {@link LyncEmulatorTest},
 * or register it with options:
 *
 * <pre>{@code
 * @RegisterExtension
 * static LyncEmulatorExtension lync =
 *     LyncEmulatorExtension.builder().topology("lync-defaults").adminApi(false).build();
 * }</pre>
 *
 * <p>A builder-made instance ignores {@link LyncEmulatorTest} attributes. Per-method emulators are
 * injected into test methods only, since a constructor runs before the method's scope exists.
 * Thread-safe for parallel test classes: each scope has its own emulator.
 */
public final class LyncEmulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final String KEY = "emulator";

  private final Optional<Settings> configured;
  private volatile LyncEmulator latest;

  /** Used by {@link LyncEmulatorTest}: settings come from the annotation. */
  public LyncEmulatorExtension() {
    this.configured = Optional.empty();
  }

  private LyncEmulatorExtension(Settings settings) {
    this.configured = Optional.of(settings);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The emulator most recently started by this extension, for tests that hold the extension in a
   * static field rather than take a parameter.
   *
   * @throws IllegalStateException before the first start
   */
  public LyncEmulator emulator() {
    LyncEmulator current = latest;
    if (current == null) {
      throw new IllegalStateException("no emulator has been started by this extension yet");
    }
    return current;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (settings(context).lifecycle() == Lifecycle.PER_CLASS) {
      running(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // Also starts a per-class emulator when registered on an instance field, where beforeAll is
    // never called.
    running(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LyncEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (settings(context).lifecycle() == Lifecycle.PER_METHOD
        && context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(
          "a per-method LyncEmulator is injected into test methods, not into constructors or"
              + " class-level callbacks; use lifecycle PER_CLASS to inject it there");
    }
    return running(context);
  }

  private LyncEmulator running(ExtensionContext context) {
    Settings settings = settings(context);
    ExtensionContext scope =
        settings.lifecycle() == Lifecycle.PER_CLASS ? classScope(context) : context;
    Running running =
        scope
            .getStore(Namespace.create(LyncEmulatorExtension.class, this))
            .getOrComputeIfAbsent(KEY, key -> start(settings), Running.class);
    return running.emulator();
  }

  private static ExtensionContext classScope(ExtensionContext context) {
    ExtensionContext scope = context;
    while (scope.getTestMethod().isPresent() && scope.getParent().isPresent()) {
      scope = scope.getParent().get();
    }
    return scope;
  }

  private Running start(Settings settings) {
    LyncEmulator.Builder builder =
        LyncEmulator.builder()
            .topology(settings.topology())
            .scenario(settings.scenario())
            .adminApi(settings.adminApi())
            .ports(PortPlan.ephemeral());
    LyncEmulator emulator =
        settings.customizer().apply(builder).ports(PortPlan.ephemeral()).build();
    emulator.start();
    latest = emulator;
    return new Running(emulator);
  }

  private Settings settings(ExtensionContext context) {
    if (configured.isPresent()) {
      return configured.get();
    }
    return context
        .getTestClass()
        .flatMap(type -> AnnotationSupport.findAnnotation(type, LyncEmulatorTest.class))
        .map(
            a ->
                new Settings(
                    a.topology(),
                    a.scenario(),
                    a.adminApi(),
                    a.lifecycle(),
                    UnaryOperator.identity()))
        .orElseGet(Settings::defaults);
  }

  private record Settings(
      String topology,
      String scenario,
      boolean adminApi,
      Lifecycle lifecycle,
      UnaryOperator<LyncEmulator.Builder> customizer) {
    static Settings defaults() {
      return new Settings("litwareinc", "", true, Lifecycle.PER_CLASS, UnaryOperator.identity());
    }
  }

  /**
   * A running emulator in the store. JUnit closes it when its scope ends: JUnit 5.13+ closes {@link
   * AutoCloseable} values, older versions {@code CloseableResource} ones, so it is both; stop is
   * idempotent, so a double close is harmless.
   */
  @SuppressWarnings("deprecation")
  private record Running(LyncEmulator emulator)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      emulator.stop();
    }
  }

  /** Options for a {@code @RegisterExtension} instance; same defaults as the annotation. */
  public static final class Builder {
    private String topology = "litwareinc";
    private String scenario = "";
    private boolean adminApi = true;
    private Lifecycle lifecycle = Lifecycle.PER_CLASS;
    private UnaryOperator<LyncEmulator.Builder> customizer = UnaryOperator.identity();

    private Builder() {}

    public Builder topology(String nameOrFile) {
      this.topology = Objects.requireNonNull(nameOrFile, "nameOrFile");
      return this;
    }

    public Builder scenario(String nameOrFile) {
      this.scenario = Objects.requireNonNull(nameOrFile, "nameOrFile");
      return this;
    }

    public Builder adminApi(boolean enabled) {
      this.adminApi = enabled;
      return this;
    }

    public Builder lifecycle(Lifecycle value) {
      this.lifecycle = Objects.requireNonNull(value, "lifecycle");
      return this;
    }

    /** A fresh emulator for every test method. */
    public Builder perMethod() {
      return lifecycle(Lifecycle.PER_METHOD);
    }

    /**
     * Further settings on the emulator builder (clock, modules, random …); the port plan is always
     * reset to {@link PortPlan#ephemeral()} afterwards.
     */
    public Builder customize(UnaryOperator<LyncEmulator.Builder> value) {
      this.customizer = Objects.requireNonNull(value, "customize");
      return this;
    }

    public LyncEmulatorExtension build() {
      return new LyncEmulatorExtension(
          new Settings(topology, scenario, adminApi, lifecycle, customizer));
    }
  }
}
