package de.rathaus.domain.shared;

/**
 * The case number (Aktenzeichen) people read and quote, for example {@code HN-2026-000123}: city
 * prefix, year of submission and a running number per year.
 */
public record CaseNumber(String value) {

  private static final java.util.regex.Pattern FORM =
      java.util.regex.Pattern.compile("[A-Z]{2,5}-\\d{4}-\\d{6,}");

  public CaseNumber {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("A case number looks like HN-2026-000123");
    }
  }

  public static CaseNumber of(String prefix, int year, long running) {
    return new CaseNumber(String.format("%s-%04d-%06d", prefix, year, running));
  }

  @Override
  public String toString() {
    return value;
  }
}
