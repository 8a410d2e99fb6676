package de.rathaus.api.open311;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The two formats of GeoReport v2, chosen by the path's ending ({@code .json}, {@code .xml}), as
 * the standard does: never by {@code Accept}.
 */
enum Open311Format {
  JSON(MediaType.APPLICATION_JSON),
  XML(MediaType.TEXT_XML);

  final MediaType mediaType;

  Open311Format(MediaType mediaType) {
    this.mediaType = mediaType;
  }

  /** The format a path's ending names; another ending is no resource (404, in JSON). */
  static Open311Format of(String ending) {
    if (ending != null) {
      switch (ending.toLowerCase(Locale.ROOT)) {
        case "json":
          return JSON;
        case "xml":
          return XML;
        default:
          break;
      }
    }
    throw new Open311Failure(HttpStatus.NOT_FOUND, "The format is json or xml");
  }

  /** The format a request's path asks for: its ending, JSON where it names none. */
  static Open311Format ofPath(String path) {
    return path != null && path.toLowerCase(Locale.ROOT).endsWith(".xml") ? XML : JSON;
  }
}
