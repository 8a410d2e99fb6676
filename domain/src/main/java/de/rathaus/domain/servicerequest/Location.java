package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.PersonalData;

/**
 * Where a reported issue is, or what a request concerns: WGS 84 coordinates, the address as people
 * say it ("Kaiserstraße 12, Heilbronn"), or both (as Open311 GeoReport v2 has it: {@code
 * lat}/{@code long} or {@code address_string}). Nothing is geocoded: a location given by its
 * address alone has no coordinates, and the clerk reads the address. The address is personal data
 * (it may be the applicant's home); the coordinates of a reported issue in public space are not.
 *
 * <p>The stored shape is unchanged from when both coordinates were required ({@code lat}, {@code
 * lon}, {@code address}): a location stored then reads as before, one without coordinates has
 * {@code null} in both.
 *
 * @param lat the latitude, {@code null} exactly when {@code lon} is
 * @param lon the longitude, {@code null} exactly when {@code lat} is
 * @param address the address, {@code null} if not given (blank is not given); required without
 *     coordinates
 */
public record Location(Double lat, Double lon, @PersonalData String address) {

  public Location {
    address = address == null || address.isBlank() ? null : address;
    if ((lat == null) != (lon == null)) {
      throw new IllegalArgumentException("The latitude and the longitude are given together");
    }
    if (lat == null && address == null) {
      throw new IllegalArgumentException("A location has coordinates or an address");
    }
    if (lat != null && !(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("The latitude lies between -90 and 90");
    }
    if (lon != null && !(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("The longitude lies between -180 and 180");
    }
  }

  /** A location by its coordinates and, optionally ({@code null}), its address. */
  public Location(double lat, double lon, String address) {
    this(Double.valueOf(lat), Double.valueOf(lon), address);
  }

  /** A location by its address alone, without coordinates. */
  public static Location ofAddress(String address) {
    return new Location(null, null, address);
  }

  /** Whether it has coordinates (otherwise only its address, which is personal, says where). */
  public boolean hasCoordinates() {
    return lat != null;
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
