package io.lyncemu.core.fault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a fault does to the exchange it hits. Each transport applies the kinds that make sense to
 * it.
 */
public sealed interface Fault {

  /** Answer late: wait, then carry on normally. */
  record Delay(Duration amount) implements Fault {
    public Delay {
      Objects.requireNonNull(amount, "amount");
    }
  }

  /** Reset the connection (RST, linger 0) without answering. */
  record ResetConnection() implements Fault {}

  /** Close the connection quietly without answering (FIN). */
  record Drop() implements Fault {}

  /** Hold the request and never answer, until the client gives up or the emulator stops. */
  record Stall() implements Fault {}

  /** Answer with this status, headers and body instead of the real answer. */
  record RespondWith(int status, List<Map.Entry<String, String>> headers, String body)
      implements Fault {
    public RespondWith {
      headers = List.copyOf(headers);
      body = body == null ? "" : body;
    }
  }

  /** Stop an emulated Windows service (its listeners then refuse connections). */
  record StopService(String serviceName) implements Fault {
    public StopService {
      Objects.requireNonNull(serviceName, "serviceName");
    }
  }

  /**
   * Move the emulator clock forward when the exchange is hit, then carry on: makes "the session had
   * expired by the time the next request came" reproducible without waiting.
   */
  record AdvanceClock(Duration amount) implements Fault {
    public AdvanceClock {
      Objects.requireNonNull(amount, "amount");
    }
  }

  /** A one-word description for the journal. */
  default String describe() {
    if (this instanceof Delay d) {
      return "delay " + d.amount();
    } else if (this instanceof ResetConnection) {
      return "reset";
    } else if (this instanceof Drop) {
      return "drop";
    } else if (this instanceof Stall) {
      return "stall";
    } else if (this instanceof RespondWith r) {
      return "respond-with " + r.status();
    } else if (this instanceof AdvanceClock a) {
      return "advance-clock " + a.amount();
    } else if (this instanceof StopService s) {
      return "stop-service " + s.serviceName();
    }
    return getClass().getSimpleName();
  }
}
