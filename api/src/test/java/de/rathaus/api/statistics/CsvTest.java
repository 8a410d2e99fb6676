package de.rathaus.api.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void writesAHeaderRowAndEndsEveryLineWithCrLf() {
    String csv = new Csv(List.of("service", "submitted")).row(List.of("melde", 7)).toString();

    assertThat(csv).isEqualTo("service,submitted\r\nmelde,7\r\n");
  }

  @Test
  void aWithheldCellIsEmpty() {
    String csv = new Csv(List.of("a", "b", "c")).row(Arrays.asList("x", null, 5)).toString();

    assertThat(csv).endsWith("\r\nx,,5\r\n");
  }

  @Test
  void quotesFieldsWithCommasQuotesOrLineBreaks() {
    assertThat(Csv.cell("Meldebescheinigung, einfach"))
        .isEqualTo("\"Meldebescheinigung, einfach\"");
    assertThat(Csv.cell("Der \"kleine\" Antrag")).isEqualTo("\"Der \"\"kleine\"\" Antrag\"");
    assertThat(Csv.cell("zwei\nZeilen")).isEqualTo("\"zwei\nZeilen\"");
  }

  @Test
  void aTextCellThatASpreadsheetWouldTakeForAFormulaGetsALeadingApostrophe() {
    assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(Csv.cell("+49")).isEqualTo("'+49");
    assertThat(Csv.cell("-1")).isEqualTo("'-1");
    assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
    assertThat(Csv.cell("Antrag = gut")).isEqualTo("Antrag = gut");
  }

  @Test
  void numbersAreWrittenPlainWithADecimalPoint() {
    assertThat(Csv.cell(new BigDecimal("0.500"))).isEqualTo("0.500");
    assertThat(Csv.cell(new BigDecimal("1E+1"))).isEqualTo("10");
    assertThat(Csv.cell(-3)).isEqualTo("-3");
  }
}
