package io.lyncemu.mcx.mobility;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of an MCX operation: a value, or a typed refusal that the codec turns into an {@code
 * error} element. Refusals are results rather than exceptions because they are ordinary protocol
 * answers (a disabled user, an expired session), not failures of the emulator.
 *
 * @param <T> the value of a successful operation
 */
public sealed interface McxResult<T> permits McxResult.Ok, McxResult.Refused {

  /** The operation succeeded with {@code value}. */
  record Ok<T>(T value) implements McxResult<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The operation was refused. */
  record Refused<T>(McxRefusal refusal) implements McxResult<T> {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }
  }

  static <T> McxResult<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> McxResult<T> refused(McxError error, String reason) {
    return new Refused<>(new McxRefusal(error, reason));
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  /** The value; throws {@link IllegalStateException} naming the refusal when there is none. */
  default T value() {
    if (this instanceof Ok<T> ok) {
      return ok.value();
    }
    throw new IllegalStateException("refused: " + ((Refused<T>) this).refusal());
  }

  /** The refusal; throws {@link IllegalStateException} when the operation succeeded. */
  default McxRefusal refusal() {
    if (this instanceof Refused<T> refused) {
      return refused.refusal();
    }
    throw new IllegalStateException("the operation succeeded");
  }

  default <U> McxResult<U> map(Function<? super T, ? extends U> mapper) {
    if (this instanceof Ok<T> ok) {
      return new Ok<>(mapper.apply(ok.value()));
    }
    return new Refused<>(((Refused<T>) this).refusal());
  }
}
