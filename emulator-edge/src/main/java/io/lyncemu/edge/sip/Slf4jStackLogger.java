package io.lyncemu.edge.sip;

import gov.nist.core.CommonLogger;
import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's stack logger, sent to SLF4J. JAIN-SIP's default logger needs log4j 1.x, which the
 * build bans; it creates this class by name ({@code gov.nist.javax.sip.STACK_LOGGER}) and installs
 * it as its process-wide "legacy" logger. Debug and trace are only enabled when SLF4J's {@code
 * gov.nist} logger is at debug, so the stack does not build log strings for nothing.
 */
public final class Slf4jStackLogger implements StackLogger {
  private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");

  /**
   * Routes JAIN-SIP's logging through this class. JAIN-SIP keeps the switch in a public static
   * field; it must be set before a stack first logs.
   */
  static void install() {
    CommonLogger.useLegacyLogger = true;
  }

  @Override
  public void logStackTrace() {}

  @Override
  public void logStackTrace(int traceLevel) {}

  @Override
  public int getLineCount() {
    return 0;
  }

  @Override
  public void logException(Throwable ex) {
    LOG.warn("JAIN-SIP exception", ex);
  }

  @Override
  public void logDebug(String message) {
    LOG.debug(message);
  }

  @Override
  public void logDebug(String message, Exception ex) {
    LOG.debug(message, ex);
  }

  @Override
  public void logTrace(String message) {
    LOG.trace(message);
  }

  @Override
  public void logFatalError(String message) {
    LOG.error(message);
  }

  @Override
  public void logError(String message) {
    LOG.warn(message);
  }

  @Override
  public boolean isLoggingEnabled() {
    return true;
  }

  @Override
  public boolean isLoggingEnabled(int logLevel) {
    if (logLevel >= TRACE_DEBUG) {
      return LOG.isDebugEnabled();
    }
    if (logLevel >= TRACE_INFO) {
      return LOG.isInfoEnabled();
    }
    return true;
  }

  @Override
  public void logError(String message, Exception ex) {
    LOG.warn(message, ex);
  }

  @Override
  public void logWarning(String message) {
    LOG.warn(message);
  }

  @Override
  public void logInfo(String message) {
    LOG.info(message);
  }

  @Override
  public void disableLogging() {}

  @Override
  public void enableLogging() {}

  @Override
  public void setBuildTimeStamp(String buildTimeStamp) {}

  @Override
  public void setStackProperties(Properties stackProperties) {}

  @Override
  public String getLoggerName() {
    return LOG.getName();
  }
}
