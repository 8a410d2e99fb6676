package de.rathaus.api.statistics;

import java.math.BigDecimal;
import java.util.List;

/**
 * A table as CSV by RFC 4180: UTF-8, a header row, comma-separated, lines ended by CRLF, a field in
 * double quotes when it holds a comma, a quote or a line break (a quote doubled). A withheld cell
 * is empty. A text cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a leading {@code '}, so that a spreadsheet never takes it for a formula
 * (service names are typed by administrators). Numbers are written plain, with a decimal point.
 */
final class Csv {

  /** The media type of the answers. */
  static final String MEDIA_TYPE = "text/csv;charset=UTF-8;header=present";

  private final StringBuilder text = new StringBuilder();

  Csv(List<String> header) {
    row(List.copyOf(header));
  }

  /** Appends a row of cells: text, numbers or {@code null} (withheld). */
  Csv row(List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(cell(cells.get(i)));
    }
    text.append("\r\n");
    return this;
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    String s = value.toString();
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
