package de.rathaus.api.open311;

import org.springframework.http.HttpStatus;

/**
 * A refusal under {@code /open311}: answered in the standard's error list ({@code code}, {@code
 * description}) in the format the client asked for, not as problem+json. The description is shown
 * to the client, so it never carries personal data.
 */
public final class Open311Failure extends RuntimeException {

  private final HttpStatus status;

  public Open311Failure(HttpStatus status, String description) {
    super(description, null, false, false);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  /** The error's code in the list: the HTTP status, as the standard's examples use it. */
  public int code() {
    return status.value();
  }

  public String description() {
    return getMessage();
  }
}
