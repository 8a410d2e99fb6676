package de.rathaus.api.shared;

import de.rathaus.application.shared.StartRefused;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows a refusal to start as its one line (what is wrong, which setting fixes it) instead of a
 * stack trace.
 */
public class StartRefusedAnalyzer extends AbstractFailureAnalyzer<StartRefused> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartRefused cause) {
    return new FailureAnalysis(cause.getMessage(), "Correct the setting named above.", null);
  }
}
