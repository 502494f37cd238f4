package io.lyncemu.core.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PowerShellFormatterTest {

  @Test
  void padsNamesToTheLongestAndPrintsBooleansAndListsAsPowerShellDoes() {
    PsObject object =
        PsObject.of("T")
            .put("Target Fqdn", "atl-cs-001.litwareinc.com")
            .put("Result", "Success")
            .put("Enabled", true)
            .put("Error Message", null)
            .put("Tags", List.of("a", "b"))
            .build();

    assertThat(PowerShellFormatter.formatList(object))
        .isEqualTo(
            """
        Target Fqdn   : atl-cs-001.litwareinc.com
        Result        : Success
        Enabled       : True
        Error Message :
        Tags          : {a, b}""");
  }

  @Test
  void continuationLinesAreIndentedUnderTheValue() {
    PsObject object = PsObject.of("T").put("Diagnosis", "one\ntwo").put("X", "y").build();

    assertThat(PowerShellFormatter.formatList(object))
        .isEqualTo("Diagnosis : one\n            two\nX         : y");
  }
}
