package io.lyncemu.core.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.time.EmulatorClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pipelines in {@link CommandLine} and {@link CmdletRegistry#run}, and journal redaction. */
class PipelineTest {
  private final InMemoryEventJournal journal =
      new InMemoryEventJournal(EmulatorClock.fixed(Instant.parse("2026-11-23T10:00:00Z")));
  private final List<String> granted = new ArrayList<>();
  private final CmdletRegistry registry =
      new CmdletRegistry(journal)
          .register(
              new SimpleCmdlet(
                  "Get-Thing",
                  "Two things.",
                  args ->
                      CmdletOutput.of(
                          PsObject.of("T")
                              .put("Identity", "CN=a")
                              .put("SipAddress", "sip:a@x")
                              .build(),
                          PsObject.of("T").put("Identity", "b").build())))
          .register(
              new SimpleCmdlet(
                  "Grant-Thing",
                  "Records the identity.",
                  args -> {
                    CmdletArguments bound = args.bind("Grant-Thing", "PolicyName");
                    granted.add(bound.requireIdentity() + "=" + bound.require("PolicyName"));
                    return CmdletOutput.none();
                  }));

  @Test
  void splitsOnUnquotedPipesOnly() {
    List<CommandLine> stages = CommandLine.parsePipeline("Get-Thing|Grant-Thing -Note 'a | b'");

    assertThat(stages).extracting(CommandLine::cmdlet).containsExactly("Get-Thing", "Grant-Thing");
    assertThat(stages.get(1).tokens()).containsExactly("-Note", "a | b");
    assertThat(CommandLine.parse("Set-X -Note \"a|b\"").tokens()).containsExactly("-Note", "a|b");
  }

  @Test
  void eachPipedObjectBecomesTheIdentityOfOneInvocation() {
    registry.run("Get-Thing | Grant-Thing -PolicyName P");

    assertThat(granted).containsExactly("sip:a@x=P", "b=P");
    assertThat(journal.query(JournalQuery.kind(EventKind.CMDLET_INVOKED))).hasSize(3);
  }

  @Test
  void pipelineMistakesGiveClearErrors() {
    assertThatThrownBy(() -> registry.run("Get-Thing | Grant-Thing -Identity x -PolicyName P"))
        .hasMessageStartingWith("The input object cannot be bound to any parameters");
    assertThatThrownBy(() -> registry.run("Get-Thing | Nope-Thing"))
        .hasMessageStartingWith("The term 'Nope-Thing' is not recognized");
    assertThatThrownBy(() -> registry.run("Get-Thing |"))
        .hasMessage("An empty pipe element is not allowed.");
    assertThatThrownBy(() -> CommandLine.parse("Get-Thing | Grant-Thing"))
        .hasMessageContaining("pipeline");
    assertThat(granted).isEmpty();
  }

  @Test
  void passphrasesAndTheirAbbreviationsAreRedacted() {
    assertThat(
            CmdletRegistry.redacted(
                Map.of(
                    "DialbackPassphrase", "s1",
                    "DialbackPass", "s2",
                    "Dial", "s3",
                    "NewPassword", "s4",
                    "Identity", "Global")))
        .containsEntry("DialbackPassphrase", "********")
        .containsEntry("DialbackPass", "********")
        .containsEntry("Dial", "********")
        .containsEntry("NewPassword", "********")
        .containsEntry("Identity", "Global");
  }
}
