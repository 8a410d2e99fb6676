package de.rathaus.api.shared;

/**
 * Nothing at this address for this caller: it does not exist, or it is not theirs to see. Both
 * answer the same 404 problem, so that ids leak nothing.
 */
public class NotFound extends RuntimeException {

  public NotFound() {
    super("not found", null, false, false);
  }
}
