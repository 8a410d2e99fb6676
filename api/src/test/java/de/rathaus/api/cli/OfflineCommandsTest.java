package de.rathaus.api.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import de.rathaus.application.transparency.CanonicalJson;
import de.rathaus.application.transparency.Checkpoint;
import de.rathaus.application.transparency.Frontier;
import de.rathaus.application.transparency.HistoryLine;
import de.rathaus.application.transparency.LogKey;
import de.rathaus.application.transparency.MerkleTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline commands on files, as a journalist runs them: plain Java, no Spring. */
class OfflineCommandsTest {

  private static final String LOG = "rathaus.example/log";
  private static final int SIZE = 9;

  @TempDir Path dir;

  private final LogKey key = LogKey.generate();
  private final List<ObjectNode> lines = new ArrayList<>();
  private final Map<String, byte[]> subtrees = new HashMap<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Checkpoint checkpoint;
  private Path export;
  private Path checkpointFile;
  private Path pemKey;

  @BeforeEach
  void aSealedHistoryWithItsExportCheckpointAndKey() throws IOException {
    Frontier frontier = new Frontier();
    for (int position = 1; position <= SIZE; position++) {
      ObjectNode line =
          position == 4
              ? HistoryLine.tombstone(position)
              : HistoryLine.event(
                  position,
                  "event-" + position,
                  "ServiceRequest",
                  "request-" + position,
                  0,
                  Instant.parse("2026-12-01T10:00:00Z").plusSeconds(position),
                  "de.rathaus.domain.servicerequest.ServiceRequestSubmitted",
                  "1",
                  JsonNodeFactory.instance.objectNode(),
                  JsonNodeFactory.instance.objectNode().put("serviceCode", "pothole"));
      byte[] hash = HistoryLine.leafHash(line);
      frontier.add(hash, (height, index, subtree) -> subtrees.put(height + "/" + index, subtree));
      line.put(HistoryLine.LEAF_HASH, Base64.getEncoder().encodeToString(hash));
      lines.add(line);
    }
    checkpoint =
        Checkpoint.sign(LOG, SIZE, frontier.root(), Instant.parse("2026-12-02T08:00:00Z"), key);
    export = writeExport(lines);
    checkpointFile =
        Files.writeString(dir.resolve("checkpoint.json"), checkpoint.toJson().toString());
    pemKey = Files.writeString(dir.resolve("key.pem"), key.verifierKey(LOG).pem());
  }

  private Path writeExport(List<ObjectNode> exported) throws IOException {
    StringBuilder text = new StringBuilder();
    exported.forEach(line -> text.append(line).append('\n'));
    return Files.writeString(dir.resolve("history-" + exported.hashCode() + ".jsonl"), text);
  }

  private Path receipt(int position) throws IOException {
    ObjectNode line = lines.get(position - 1).deepCopy();
    line.remove(HistoryLine.LEAF_HASH);
    ObjectNode receipt = JsonNodeFactory.instance.objectNode();
    receipt.put("requestId", "request-" + position);
    receipt.put("position", position);
    receipt.put("leafIndex", position - 1);
    receipt.put("leaf", CanonicalJson.text(line));
    receipt.put("leafHash", Base64.getEncoder().encodeToString(HistoryLine.leafHash(line)));
    receipt.set("checkpoint", checkpoint.toJson());
    ArrayNode proof = receipt.putArray("inclusionProof");
    MerkleTree.inclusionProof(
            position - 1, SIZE, (height, index) -> subtrees.get(height + "/" + index))
        .forEach(hash -> proof.add(Base64.getEncoder().encodeToString(hash)));
    return Files.writeString(dir.resolve("receipt-" + position + ".json"), receipt.toString());
  }

  private Optional<Integer> run(Object... args) {
    String[] strings = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      strings[i] = args[i].toString();
    }
    return OfflineCommands.run(
        strings,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theCommandsCannotStartSpring() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.axonframework..")
        .because("the offline commands run before, and instead of, the engine")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(OfflineCommands.class.getPackageName()));
  }

  @Test
  void otherArgumentsLeaveTheEngineToStart() {
    assertThat(run()).isEmpty();
    assertThat(run("--server.port=0")).isEmpty();
  }

  @Test
  void anUntouchedExportExitsZero() {
    assertThat(run("verify", export, checkpointFile, pemKey)).contains(0);
    assertThat(printed()).startsWith("valid");
  }

  @Test
  void theKeyMayBeTheVerifierKeyStringOrTheWellKnownJson() throws IOException {
    Path vkey =
        Files.writeString(dir.resolve("key.vkey"), key.verifierKey(LOG).verifierKeyString());
    Path json =
        Files.writeString(dir.resolve("key.json"), key.verifierKey(LOG).toJson().toString());

    assertThat(run("verify", export, checkpointFile, vkey)).contains(0);
    assertThat(run("verify", export, checkpointFile, json)).contains(0);
  }

  @Test
  void aChangedLineExitsOneNamingItsPosition() throws IOException {
    List<ObjectNode> changed = new ArrayList<>(lines);
    ObjectNode line = changed.get(6 - 1).deepCopy();
    ((ObjectNode) line.get("payload")).put("serviceCode", "graffiti");
    changed.set(6 - 1, line);

    assertThat(run("verify", writeExport(changed), checkpointFile, pemKey)).contains(1);
    assertThat(printed()).contains("first bad position 6");
  }

  @Test
  void aLineWithADuplicatedKeyIsRefusedNotReadAsItsLastValue() throws IOException {
    // a reader that kept the first "serviceCode" would see another event than the hash covers
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).toString();
      if (i == 5 - 1) {
        line = line.replaceFirst("\\{", "{\"position\":5,");
      }
      text.append(line).append('\n');
    }
    Path doubled = Files.writeString(dir.resolve("doubled.jsonl"), text);

    assertThat(run("verify", doubled, checkpointFile, pemKey)).contains(1);
    assertThat(printed()).contains("first bad position 5");
  }

  @Test
  void anExportThatFindsNoStoreLeavesAnExistingFileAsItWas() throws IOException {
    Path target = Files.writeString(dir.resolve("earlier-export.jsonl"), "kept\n");

    int code =
        HistoryExportCommand.run(
            new String[] {"export-history", target.toString()},
            Map.of("RATHAUS_DATA_DIR", dir.resolve("no-such-dir").toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(Files.readString(target)).isEqualTo("kept\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(Path::getFileName).map(Path::toString))
          .as("no half-written file left")
          .noneMatch(name -> name.startsWith("earlier-export.jsonl."));
    }
  }

  @Test
  void aCheckpointSignedWithAnotherKeyExitsOne() throws IOException {
    Path otherKey =
        Files.writeString(dir.resolve("other.pem"), LogKey.generate().verifierKey(LOG).pem());

    assertThat(run("verify", export, checkpointFile, otherKey)).contains(1);
  }

  @Test
  void wrongUsageExitsTwo() {
    assertThat(run("verify", export, checkpointFile)).contains(2);
    assertThat(run("verify-receipt")).contains(2);
  }

  @Test
  void aMissingExportExitsTwo() {
    assertThat(run("verify", dir.resolve("none.jsonl"), checkpointFile, pemKey)).contains(2);
  }

  @Test
  void aKeyFileWithoutAKeyExitsTwo() throws IOException {
    Path notAKey = Files.writeString(dir.resolve("notakey.txt"), "hello");

    assertThat(run("verify", export, checkpointFile, notAKey)).contains(2);
  }

  @Test
  void aCheckpointFileThatIsNoCheckpointExitsTwo() throws IOException {
    Path notACheckpoint = Files.writeString(dir.resolve("bad.json"), "{\"logId\":\"x\"}");

    assertThat(run("verify", export, notACheckpoint, pemKey)).contains(2);
  }

  @Test
  void aValidReceiptExitsZero() throws IOException {
    assertThat(run("verify-receipt", receipt(5), pemKey)).contains(0);
  }

  @Test
  void aChangedReceiptExitsOne() throws IOException {
    Path receipt = receipt(5);
    Files.writeString(receipt, Files.readString(receipt).replace("pothole", "graffiti"));

    assertThat(run("verify-receipt", receipt, pemKey)).contains(1);
  }

  @Test
  void aReceiptThatIsNoJsonExitsTwo() throws IOException {
    Path receipt = Files.writeString(dir.resolve("receipt.json"), "{not json");

    assertThat(run("verify-receipt", receipt, pemKey)).contains(2);
  }
}
