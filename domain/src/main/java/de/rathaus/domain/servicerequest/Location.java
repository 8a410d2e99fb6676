package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.PersonalData;

/**
 * Where a reported issue is, or what a request concerns: WGS 84 coordinates and, optionally, the
 * address as people say it ("Kaiserstraße 12, Heilbronn"). The address is personal data (it may be
 * the applicant's home); the coordinates of a reported issue in public space are not.
 */
public record Location(double lat, double lon, @PersonalData String address) {

  public Location {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("The latitude lies between -90 and 90");
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("The longitude lies between -180 and 180");
    }
    address = address == null || address.isBlank() ? null : address;
  }

  /**
   * Without the address, and without the coordinates: a private location's are personal too (the
   * record does not know whether it is one).
   */
  @Override
  public String toString() {
    return "Location[personal data]";
  }
}
