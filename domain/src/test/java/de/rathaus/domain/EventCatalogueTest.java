package de.rathaus.domain;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's event catalogue (between {@code <!-- event-catalogue:start -->} and {@code <!--
 * event-catalogue:end -->}) says for every event of the domain its revision, which of its fields
 * are personal data and which field names the data subject. This test reads those three columns
 * from the domain's compiled classes and compares them with the table, so the table cannot drift: a
 * new event without a row fails, and so does a row whose event was renamed or removed. The "caused
 * by" column is prose, but the commands it names must exist and be handled by an aggregate.
 *
 * <p>An event is every class of the domain's production code annotated with {@link Revision}. A
 * personal field is a record component marked {@link PersonalData}; a component that is a record of
 * the domain is looked into, and its personal parts are named as a path ({@code location.address});
 * elements of a list or values of a map are named with {@code []}.
 */
class EventCatalogueTest {

  static final String START = "<!-- event-catalogue:start -->";
  static final String END = "<!-- event-catalogue:end -->";

  /** What a row says, in the form the table writes it. */
  record Entry(String event, String feature, String revision, String personal, String subject) {

    /** The row to put into the table (with the "caused by" column left for a person to write). */
    String asRow() {
      return "| `%s` | %s | %s | … | %s | %s |"
          .formatted(event, feature, revision, personal, subject);
    }
  }

  private static Map<String, Class<?>> domainClasses;
  private static Map<String, Entry> inCode;
  private static List<String> tableLines;

  @BeforeAll
  static void read() throws IOException, URISyntaxException {
    domainClasses = DomainClasses.load();
    inCode = new TreeMap<>();
    for (Class<?> type : domainClasses.values()) {
      if (type.isAnnotationPresent(Revision.class)) {
        inCode.put(type.getSimpleName(), entryOf(type));
      }
    }
    tableLines = catalogueLines(Files.readString(readme(), StandardCharsets.UTF_8));
  }

  @Test
  void findsTheEventsOfTheDomain() {
    // a scan that found nothing would let every other test here pass
    assertThat(inCode).containsKeys("ServiceRequestSubmitted", "CaseDecided", "PersonalDataErased");
  }

  @Test
  void everyEventIsARecord() {
    List<String> notRecords =
        domainClasses.values().stream()
            .filter(type -> type.isAnnotationPresent(Revision.class) && !type.isRecord())
            .map(Class::getName)
            .toList();
    assertThat(notRecords).as("events are records (one per file, no inheritance)").isEmpty();
  }

  @Test
  void theTableHasOneRowPerEventAndSaysWhatTheCodeSays() {
    Map<String, Entry> inTable = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String line : tableLines) {
      List<String> cells = cells(line);
      if (cells.size() != 6) {
        problems.add("row has " + cells.size() + " columns instead of 6: " + line);
        continue;
      }
      Entry row =
          new Entry(
              code(cells.get(0)),
              cells.get(1).strip(),
              cells.get(2).strip(),
              normalisedList(cells.get(4)),
              normalisedList(cells.get(5)));
      if (inTable.put(row.event(), row) != null) {
        problems.add("row `" + row.event() + "` appears twice");
      }
    }
    for (Entry expected : inCode.values()) {
      Entry row = inTable.get(expected.event());
      if (row == null) {
        problems.add(
            "no row for event "
                + expected.event()
                + "; add (and say who causes it): "
                + expected.asRow());
        continue;
      }
      compare(problems, row, expected, "feature", Entry::feature);
      compare(problems, row, expected, "revision", Entry::revision);
      compare(problems, row, expected, "personal fields", Entry::personal);
      compare(problems, row, expected, "data subject", Entry::subject);
    }
    for (String event : inTable.keySet()) {
      if (!inCode.containsKey(event)) {
        problems.add(
            "row `" + event + "` names no event of the domain (renamed or removed?); drop the row");
      }
    }
    assertThat(problems)
        .as("README.md, event catalogue (%s … %s): rows to fix", START, END)
        .isEmpty();
  }

  @Test
  void theCommandsNamedAsCausesAreHandledByAnAggregate() {
    Set<String> handled = handledCommands();
    List<String> problems = new ArrayList<>();
    for (String line : tableLines) {
      List<String> cells = cells(line);
      if (cells.size() != 6) {
        continue; // reported by the test above
      }
      String event = code(cells.get(0));
      List<String> named = identifiersIn(cells.get(3));
      if (named.isEmpty()) {
        problems.add("row `" + event + "`: 'caused by' names no command (in backticks)");
      }
      for (String command : named) {
        if (!handled.contains(command)) {
          problems.add(
              "row `"
                  + event
                  + "`: `"
                  + command
                  + "` is no command an aggregate of the domain handles");
        }
      }
    }
    assertThat(problems).as("README.md, event catalogue, column 'caused by'").isEmpty();
  }

  @Test
  void everyEventWithPersonalDataNamesItsDataSubject() {
    // otherwise nobody's key protects the values, and the engine refuses to store them
    List<String> withoutSubject =
        inCode.values().stream()
            .filter(entry -> !entry.personal().equals("—") && entry.subject().equals("—"))
            .map(Entry::event)
            .toList();
    assertThat(withoutSubject).isEmpty();
  }

  // --- the code's side

  static Entry entryOf(Class<?> event) {
    String feature = event.getPackageName().substring(event.getPackageName().lastIndexOf('.') + 1);
    Set<String> personal = new TreeSet<>();
    Set<String> subjects = new TreeSet<>();
    if (event.isRecord()) {
      personalPaths(event, "", personal, new HashSet<>());
      for (RecordComponent component : event.getRecordComponents()) {
        if (component.isAnnotationPresent(DataSubject.class)) {
          subjects.add(component.getName());
        }
      }
    }
    return new Entry(
        event.getSimpleName(),
        feature,
        event.getAnnotation(Revision.class).value(),
        listed(personal),
        listed(subjects));
  }

  /** The paths of the personal parts of record {@code type}, each prefixed with {@code prefix}. */
  static void personalPaths(Class<?> type, String prefix, Set<String> found, Set<Class<?>> open) {
    if (!open.add(type)) {
      return; // a record that contains itself: its parts were named on the way in
    }
    for (RecordComponent component : type.getRecordComponents()) {
      String path = prefix + component.getName();
      if (component.isAnnotationPresent(PersonalData.class)) {
        found.add(path);
      } else {
        personalPathsIn(component.getGenericType(), path, found, open);
      }
    }
    open.remove(type);
  }

  private static void personalPathsIn(
      Type type, String path, Set<String> found, Set<Class<?>> open) {
    if (type instanceof Class<?> record
        && record.isRecord()
        && record.getPackageName().startsWith("de.rathaus.domain")) {
      personalPaths(record, path + ".", found, open);
    } else if (type instanceof ParameterizedType generic) {
      // the elements of a list, the values of a map
      Type[] arguments = generic.getActualTypeArguments();
      personalPathsIn(arguments[arguments.length - 1], path + "[]", found, open);
    }
  }

  /** The simple names of the commands some {@code @CommandHandler} of the domain takes. */
  private static Set<String> handledCommands() {
    Set<String> handled = new HashSet<>();
    for (Class<?> type : domainClasses.values()) {
      Stream.concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getConstructors()))
          .filter(handler -> handler.isAnnotationPresent(CommandHandler.class))
          .map(Executable::getParameterTypes)
          .filter(parameters -> parameters.length > 0)
          .forEach(parameters -> handled.add(parameters[0].getSimpleName()));
    }
    return handled;
  }

  // --- the README's side

  static Path readme() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("README.md"))) {
        return dir.resolve("README.md");
      }
    }
    throw new IllegalStateException("No README.md of the repository above " + here);
  }

  /** The table rows between the markers: every line starting with '|' but header and rule. */
  static List<String> catalogueLines(String readme) {
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    assertThat(start).as("README.md has the marker %s", START).isNotNegative();
    assertThat(end)
        .as("README.md has the marker %s after the start marker", END)
        .isGreaterThan(start);
    List<String> lines =
        readme
            .substring(start, end)
            .lines()
            .map(String::strip)
            .filter(line -> line.startsWith("|"))
            .collect(Collectors.toCollection(ArrayList::new));
    assertThat(lines.size()).as("the catalogue is a table with a header").isGreaterThanOrEqualTo(2);
    assertThat(lines.get(1)).as("the table's second line is its rule").matches("\\|[-:| ]+\\|");
    return lines.subList(2, lines.size());
  }

  static List<String> cells(String line) {
    String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
    return Arrays.asList(inner.split("\\|", -1));
  }

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Z][a-z][A-Za-z0-9]*");

  /** The first code span of a cell, or the cell itself. */
  static String code(String cell) {
    Matcher code = CODE.matcher(cell);
    return code.find() ? code.group(1).strip() : cell.strip();
  }

  /** The code spans of a cell, sorted and joined the way {@link #listed} writes them. */
  static String normalisedList(String cell) {
    Set<String> items = new TreeSet<>();
    Matcher code = CODE.matcher(cell);
    while (code.find()) {
      items.add(code.group(1).strip());
    }
    return items.isEmpty() ? cell.strip() : listed(items);
  }

  /** The code spans of a cell that are a bare Java type name. */
  static List<String> identifiersIn(String cell) {
    List<String> names = new ArrayList<>();
    Matcher code = CODE.matcher(cell);
    while (code.find()) {
      if (IDENTIFIER.matcher(code.group(1)).matches()) {
        names.add(code.group(1));
      }
    }
    return names;
  }

  static String listed(Set<String> items) {
    return items.isEmpty()
        ? "—"
        : items.stream().map(item -> "`" + item + "`").collect(Collectors.joining(", "));
  }

  private static void compare(
      List<String> problems,
      Entry row,
      Entry expected,
      String column,
      java.util.function.Function<Entry, String> cell) {
    if (!cell.apply(row).equals(cell.apply(expected))) {
      problems.add(
          "row `%s`: %s says %s, the code %s"
              .formatted(row.event(), column, cell.apply(row), cell.apply(expected)));
    }
  }

  /** The production classes of the domain, by name: read from where {@link PersonalData} lives. */
  static final class DomainClasses {

    private DomainClasses() {}

    static Map<String, Class<?>> load() throws IOException, URISyntaxException {
      Path root =
          Path.of(PersonalData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<String> names = new ArrayList<>();
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          files
              .filter(file -> file.toString().endsWith(".class"))
              .map(
                  file ->
                      root.relativize(file)
                          .toString()
                          .replace(root.getFileSystem().getSeparator(), "/"))
              .forEach(names::add);
        }
      } else {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
          jar.stream()
              .map(java.util.zip.ZipEntry::getName)
              .filter(name -> name.endsWith(".class"))
              .forEach(names::add);
        }
      }
      Map<String, Class<?>> classes = new TreeMap<>();
      for (String file : names) {
        String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
        if (!name.startsWith("de.rathaus.domain.") || name.endsWith("package-info")) {
          continue;
        }
        try {
          classes.put(name, Class.forName(name, false, PersonalData.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException("A class file of the domain does not load: " + name, e);
        }
      }
      return classes;
    }
  }
}
