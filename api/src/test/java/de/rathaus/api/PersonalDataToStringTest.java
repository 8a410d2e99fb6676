package de.rathaus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A record's generated {@code toString} prints every component, so one that holds personal data
 * would put it into any log line or exception message that mentions it. Every record of the engine
 * with a {@code @PersonalData} component (events, commands, views, value objects) declares a {@code
 * toString} of its own. Read from the sources: in the class file the generated method cannot be
 * told from a declared one.
 */
class PersonalDataToStringTest {

  private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*(<[^>]*>)?\\s*\\(");

  @Test
  void everyRecordHoldingPersonalDataHasAToStringOfItsOwn() throws IOException {
    Path root = RepositoryDocumentsTest.repositoryRoot();
    List<String> printing = new ArrayList<>();
    int marked = 0;
    for (String module : List.of("domain", "application", "api", "infra")) {
      try (Stream<Path> sources = Files.walk(root.resolve(module).resolve("src/main/java"))) {
        for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(source, StandardCharsets.UTF_8);
          Matcher record = RECORD.matcher(text);
          while (record.find()) {
            int headerEnd = matching(text, record.end() - 1, '(', ')');
            String header = text.substring(record.end(), headerEnd);
            if (!header.contains("@PersonalData")) {
              continue;
            }
            marked++;
            int bodyStart = text.indexOf('{', headerEnd);
            String body = text.substring(bodyStart + 1, matching(text, bodyStart, '{', '}'));
            if (!withoutNestedRecords(body).contains("String toString()")) {
              printing.add(record.group(1) + " in " + root.relativize(source));
            }
          }
        }
      }
    }
    assertThat(marked).as("records with personal data found").isGreaterThan(10);
    assertThat(printing).as("records whose toString prints personal data").isEmpty();
  }

  /** {@code body} without the records declared inside it: their toString is not this one's. */
  private static String withoutNestedRecords(String body) {
    StringBuilder own = new StringBuilder();
    int from = 0;
    Matcher nested = RECORD.matcher(body);
    while (from < body.length() && nested.find(from)) {
      int headerEnd = matching(body, nested.end() - 1, '(', ')');
      int bodyStart = body.indexOf('{', headerEnd);
      own.append(body, from, nested.start());
      from = matching(body, bodyStart, '{', '}') + 1;
    }
    return own.append(body.substring(Math.min(from, body.length()))).toString();
  }

  /** The index of the bracket that closes the one at {@code open}. */
  private static int matching(String text, int open, char opening, char closing) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == opening) {
        depth++;
      } else if (c == closing && --depth == 0) {
        return i;
      }
    }
    throw new IllegalStateException("Unbalanced " + opening + " at " + open);
  }
}
