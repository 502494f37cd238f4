package io.lyncemu.mcx.ucwa;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a UCWA operation: a value or a typed refusal that the codec renders as an error
 * body. Refusals are ordinary protocol answers, so they are results rather than exceptions.
 *
 * @param <T> the value of a successful operation
 */
public sealed interface UcwaResult<T> permits UcwaResult.Ok, UcwaResult.Refused {

  /** Success. */
  record Ok<T>(T value) implements UcwaResult<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Refusal. */
  record Refused<T>(UcwaRefusal refusal) implements UcwaResult<T> {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }
  }

  static <T> UcwaResult<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> UcwaResult<T> refused(UcwaError error, String message) {
    return new Refused<>(new UcwaRefusal(error, message));
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  default T value() {
    if (this instanceof Ok<T> ok) {
      return ok.value();
    }
    throw new IllegalStateException("refused: " + ((Refused<T>) this).refusal());
  }

  default UcwaRefusal refusal() {
    if (this instanceof Refused<T> refused) {
      return refused.refusal();
    }
    throw new IllegalStateException("the operation succeeded");
  }

  default <U> UcwaResult<U> map(Function<? super T, ? extends U> mapper) {
    if (this instanceof Ok<T> ok) {
      return new Ok<>(mapper.apply(ok.value()));
    }
    return new Refused<>(((Refused<T>) this).refusal());
  }
}
