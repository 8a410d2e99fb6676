package de.rathaus.domain.catalogue;

import java.util.regex.Pattern;

/**
 * The key of a service in the federal service catalogue LeiKa (Leistungskatalog der öffentlichen
 * Verwaltung), for example {@code urn:de:fim:leika:leistung:99050012104000}: it tells which
 * nationwide service a municipal service implements.
 */
public record LeikaKey(String value) {

  private static final Pattern FORM = Pattern.compile("urn:de:fim:leika:leistung:[0-9]{1,32}");

  public LeikaKey {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "A LeiKa key looks like urn:de:fim:leika:leistung:99050012104000");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
