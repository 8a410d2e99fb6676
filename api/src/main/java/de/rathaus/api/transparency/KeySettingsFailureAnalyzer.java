package de.rathaus.api.transparency;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in one sentence, without a stack trace, why the log's key settings stop the engine: the
 * operator sees the setting to fix, not a bean creation chain.
 */
public class KeySettingsFailureAnalyzer extends AbstractFailureAnalyzer<LogKeySettings.Invalid> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, LogKeySettings.Invalid cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Fix the setting and start again; the rotation of the log's key is described in the"
            + " README (Tamper evidence).",
        cause);
  }
}
