package de.rathaus.api.open311;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.rathaus.application.open311.RequestUpdate;
import de.rathaus.application.open311.RequestUpdateFeed;
import de.rathaus.domain.servicerequest.RequestStatus;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The feed of request updates, beyond Open311 GeoReport v2 (where its users asked for it,
 * open311.github.io #11), in mySociety's {@code service_request_updates} format: every change of a
 * request's public status, in the order of the event store, each named by the event's global
 * position ({@code update_id}). A client goes on with {@code after=<last update_id>} (or the {@code
 * Link: rel="next"} of the answer) and misses nothing; {@code after=0}, or any position, replays.
 * Public: it shows the case number, the status as {@code open}/{@code closed}, when, and the city's
 * own text for the status, nothing of the applicant, the clerks' notes or a decision's reasoning.
 *
 * <p>Outside the {@code /api/v1} description (as the standard's resources are): it answers XML, as
 * the standard requires, and JSON in its conventions (the list as the top-level array).
 */
@Hidden
@RestController
public class Open311UpdatesController {

  static final String PATH = "/open311/v2/servicerequestupdates";
  private static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);
  private static final MediaType JSON =
      new MediaType("application", "json", StandardCharsets.UTF_8);
  private static final ZoneId CITY = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  /**
   * The JDK's own StAX writer, not whichever the class path offers first (Woodstox, which the XML
   * module of Jackson brings, writes the declaration in single quotes).
   */
  private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

  private static final JsonFactory JSON_OUTPUT = new JsonFactory();

  /** The city's own text for each status, in German and English: never a clerk's words. */
  private static final Map<RequestStatus, String[]> TEXTS =
      Map.of(
          RequestStatus.SUBMITTED, new String[] {"Eingegangen", "Received"},
          RequestStatus.IN_PROGRESS, new String[] {"In Bearbeitung", "In progress"},
          RequestStatus.WAITING_FOR_APPLICANT,
              new String[] {
                "Rückfrage an die antragstellende Person", "Waiting for the applicant's answer"
              },
          RequestStatus.DECIDED, new String[] {"Entschieden", "Decided"},
          RequestStatus.CLOSED, new String[] {"Abgeschlossen", "Closed"},
          RequestStatus.WITHDRAWN, new String[] {"Zurückgezogen", "Withdrawn"},
          RequestStatus.OBJECTION_PENDING,
              new String[] {"Widerspruch in Prüfung", "Objection under review"});

  private final RequestUpdateFeed feed;
  private final Open311Properties properties;

  public Open311UpdatesController(RequestUpdateFeed feed, Open311Properties properties) {
    this.feed = feed;
    this.properties = properties;
  }

  @GetMapping(PATH + ".json")
  public ResponseEntity<byte[]> json(
      @RequestParam(required = false) String after,
      @RequestParam(required = false) String limit,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    Read read = read(after, limit, jurisdiction);
    return answer(read, JSON, renderJson(read.page().updates()), "json");
  }

  @GetMapping(PATH + ".xml")
  public ResponseEntity<byte[]> xml(
      @RequestParam(required = false) String after,
      @RequestParam(required = false) String limit,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    Read read = read(after, limit, jurisdiction);
    return answer(read, XML, renderXml(read.page().updates()), "xml");
  }

  private record Read(RequestUpdateFeed.UpdatePage page, int limit) {}

  /**
   * The page asked for. Refusals are {@link Open311Failure}s, which {@link Open311Errors} (the
   * resolver for every path under {@code /open311/}) answers in the standard's error list, in the
   * format the path names.
   */
  private Read read(String after, String limit, String jurisdiction) {
    properties.checkJurisdiction(jurisdiction);
    long from = number(after, "after", 0);
    long size = number(limit, "limit", RequestUpdateFeed.DEFAULT_LIMIT);
    if (size < 1 || size > RequestUpdateFeed.MAX_LIMIT) {
      throw new Open311Failure(
          HttpStatus.BAD_REQUEST, "limit must be 1 to " + RequestUpdateFeed.MAX_LIMIT);
    }
    return new Read(feed.after(from, (int) size), (int) size);
  }

  private static long number(String value, String name, long missing) {
    if (value == null || value.isEmpty()) {
      return missing;
    }
    if (!value.matches("[0-9]{1,18}")) {
      throw new Open311Failure(HttpStatus.BAD_REQUEST, name + " must be a whole number, 0 or more");
    }
    return Long.parseLong(value);
  }

  /** The answer, with the next page's address: after what this page read (never behind it). */
  private static ResponseEntity<byte[]> answer(
      Read read, MediaType type, byte[] body, String format) {
    String next = PATH + "." + format + "?after=" + read.page().readTo() + "&limit=" + read.limit();
    return ResponseEntity.ok()
        .contentType(type)
        .cacheControl(CacheControl.noCache())
        .header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
        .body(body);
  }

  private static String status(RequestUpdate update) {
    return update.status().isOpen() ? "open" : "closed";
  }

  private static String text(RequestStatus status) {
    boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
    return TEXTS.get(status)[english ? 1 : 0];
  }

  private static String time(RequestUpdate update) {
    return W3C.format(update.at().truncatedTo(ChronoUnit.SECONDS).atZone(CITY));
  }

  private static byte[] renderJson(List<RequestUpdate> updates) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON_OUTPUT.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartArray();
      for (RequestUpdate update : updates) {
        json.writeStartObject();
        json.writeStringField("update_id", Long.toString(update.updateId()));
        json.writeStringField("service_request_id", update.caseNumber().value());
        json.writeStringField("status", status(update));
        json.writeStringField("updated_datetime", time(update));
        json.writeStringField("description", text(update.status()));
        json.writeStringField("media_url", "");
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] renderXml(List<RequestUpdate> updates) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("service_request_updates");
      for (RequestUpdate update : updates) {
        xml.writeStartElement("request_update");
        element(xml, "update_id", Long.toString(update.updateId()));
        element(xml, "service_request_id", update.caseNumber().value());
        element(xml, "status", status(update));
        element(xml, "updated_datetime", time(update));
        element(xml, "description", text(update.status()));
        element(xml, "media_url", "");
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("The updates could not be written as XML", e);
    }
    return out.toByteArray();
  }

  private static void element(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }
}
