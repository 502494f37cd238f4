package io.lyncemu.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against an emulated Lync deployment, started on port 0 with a
 * temporary state directory and stopped when the class (or, per method, each test) is done, even
 * when a test fails. Declare a {@link io.lyncemu.app.LyncEmulator} parameter on a test method or
 * constructor to get it.
 *
 * <pre>{@code
 * @LyncEmulatorTest(scenario = "webticket-ntlm-401")
 * class MobileSignInTest {
 *   @Test
 *   void showsTheSignInError(LyncEmulator lync) {
 *     URI web = URI.create(lync.endpointTable().get("web-https").url());
 *     …
 *   }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LyncEmulatorExtension.class)
public @interface LyncEmulatorTest {

  /** A built-in topology ({@code litwareinc}, {@code lync-defaults}) or a YAML file path. */
  String topology() default "litwareinc";

  /** A scenario name or YAML file applied once started; empty for none. */
  String scenario() default "";

  /** Whether the admin HTTP API listens too (on port 0, like everything else). */
  boolean adminApi() default true;

  /** One emulator for the whole class (default), or a fresh one for every test method. */
  Lifecycle lifecycle() default Lifecycle.PER_CLASS;

  /** How long one emulator lives. */
  enum Lifecycle {
    PER_CLASS,
    PER_METHOD
  }
}
