package io.lyncemu.mcx.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.TopologyLoader;
import io.lyncemu.mcx.xml.SafeXml;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AutodiscoverRenderingTest {
  private static final String POOL = "https://atl-cs-001.litwareinc.com:4443";

  private final Topology topology = new TopologyLoader().builtIn(TopologyLoader.DEFAULT);
  private final AutodiscoverResources resources = new AutodiscoverResources();
  private final AutodiscoverRenderer renderer = new AutodiscoverRenderer();
  private final ObjectMapper json = new ObjectMapper();

  private WebBases bases(String scheme, String host) {
    return WebBases.forRequest(topology, topology.primaryPool(), scheme, host);
  }

  private AutodiscoverDocument externalUser() {
    return resources.user(
        topology, topology.primaryPool(), bases("https", "lyncdiscover.litwareinc.com:4443"));
  }

  private static Map<String, String> xmlLinks(Element resource) {
    Map<String, String> links = new LinkedHashMap<>();
    NodeList list = resource.getElementsByTagName("Link");
    for (int i = 0; i < list.getLength(); i++) {
      Element link = (Element) list.item(i);
      links.put(link.getAttribute("token"), link.getAttribute("href"));
    }
    return links;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/vnd.microsoft.rtc.autodiscover+xml;v=1|XML",
        "application/vnd.microsoft.rtc.autodiscover+json;v=1|DATA_CONTRACT_JSON",
        "application/json|HAL_JSON",
        "text/html, application/json;q=0.9|HAL_JSON",
        "*/*|DATA_CONTRACT_JSON",
        "''|DATA_CONTRACT_JSON"
      })
  void acceptChoosesTheFormat(String accept, AutodiscoverFormat expected) {
    assertThat(AutodiscoverFormat.fromAccept(accept)).isEqualTo(expected);
  }

  @Test
  void theXmlUserResponseHasSipAccessAndEveryServiceLink() {
    AutodiscoverRenderer.Rendered rendered =
        renderer.render(externalUser(), AutodiscoverFormat.XML);

    assertThat(rendered.contentType())
        .isEqualTo("application/vnd.microsoft.rtc.autodiscover+xml; v=1");
    Element root = SafeXml.parse(rendered.body(), 64 * 1024).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("AutodiscoverResponse");
    assertThat(root.getAttribute("AccessLocation")).isEqualTo("External");
    Element user = (Element) root.getElementsByTagName("User").item(0);
    Element clientExternal = (Element) user.getElementsByTagName("SipClientExternalAccess").item(0);
    assertThat(clientExternal.getAttribute("fqdn")).isEqualTo("sip.litwareinc.com");
    assertThat(clientExternal.getAttribute("port")).isEqualTo("443");
    Element serverInternal = (Element) user.getElementsByTagName("SipServerInternalAccess").item(0);
    assertThat(serverInternal.getAttribute("fqdn")).isEqualTo("atl-cs-001.litwareinc.com");
    assertThat(serverInternal.getAttribute("port")).isEqualTo("5061");
    assertThat(xmlLinks(user))
        .containsEntry("External/Autodiscover", POOL + "/Autodiscover/AutodiscoverService.svc/root")
        .containsEntry("Internal/AuthBroker", POOL + "/Reach/sip.svc")
        .containsEntry("External/WebScheduler", POOL + "/Scheduler")
        .containsEntry("External/Mcx", POOL + "/Mcx/McxService.svc")
        .containsEntry("Internal/Mcx", POOL + "/Mcx/McxService.svc")
        .containsEntry("Ucwa", POOL + "/ucwa/v1/applications")
        .containsEntry("XFrame", POOL + "/Autodiscover/XFrame/XFrame.html")
        .containsEntry(
            "Self",
            "https://lyncdiscover.litwareinc.com:4443/Autodiscover/AutodiscoverService.svc/root/user");
  }

  @Test
  void theDataContractRootEscapesSlashesAndListsDomainUserAndOAuth() throws Exception {
    AutodiscoverDocument root =
        resources.root(bases("http", "lyncdiscoverinternal.litwareinc.com"), "litwareinc.com");

    AutodiscoverRenderer.Rendered rendered =
        renderer.render(root, AutodiscoverFormat.DATA_CONTRACT_JSON);

    String text = new String(rendered.body(), StandardCharsets.UTF_8);
    assertThat(text).contains("http:\\/\\/lyncdiscoverinternal.litwareinc.com\\/Autodiscover");
    JsonNode node = json.readTree(rendered.body());
    assertThat(node.at("/AccessLocation").asText()).isEqualTo("Internal");
    assertThat(node.at("/Root/Links/0/token").asText()).isEqualTo("Domain");
    assertThat(node.at("/Root/Links/1/token").asText()).isEqualTo("User");
    assertThat(node.at("/Root/Links/2/token").asText()).isEqualTo("OAuth");
    assertThat(node.at("/Root/Links/2/href").asText())
        .isEqualTo(
            "http://lyncdiscoverinternal.litwareinc.com/Autodiscover/AutodiscoverService.svc/root/oauth/user");
  }

  @Test
  void theDataContractUserMirrorsTheXmlAccessElements() throws Exception {
    JsonNode node =
        json.readTree(
            renderer.render(externalUser(), AutodiscoverFormat.DATA_CONTRACT_JSON).body());

    assertThat(node.at("/User/SipClientExternalAccess/fqdn").asText())
        .isEqualTo("sip.litwareinc.com");
    assertThat(node.at("/User/SipClientExternalAccess/port").asInt()).isEqualTo(443);
    assertThat(node.at("/User/Links").size()).isEqualTo(externalUser().links().size());
  }

  @Test
  void theHalRootLinksTheOAuthUserAndXFrame() throws Exception {
    AutodiscoverDocument root = resources.root(bases("https", "127.0.0.1:50123"), "litwareinc.com");

    JsonNode node = json.readTree(renderer.render(root, AutodiscoverFormat.HAL_JSON).body());

    assertThat(node.at("/_links/self/href").asText())
        .isEqualTo(
            "https://127.0.0.1:50123/Autodiscover/AutodiscoverService.svc/root?originalDomain=litwareinc.com");
    assertThat(node.at("/_links/user/href").asText())
        .isEqualTo(
            "https://127.0.0.1:50123/Autodiscover/AutodiscoverService.svc/root/oauth/user?originalDomain=litwareinc.com");
    assertThat(node.at("/_links/xframe/href").asText())
        .isEqualTo("https://127.0.0.1:50123/Autodiscover/XFrame/XFrame.html");
  }

  @Test
  void theHalOAuthUserLinksUcwaApplicationsAtRevisionTwo() throws Exception {
    AutodiscoverDocument user =
        resources.oauthUser(topology, topology.primaryPool(), bases("http", "localhost:8080"));

    JsonNode node = json.readTree(renderer.render(user, AutodiscoverFormat.HAL_JSON).body());

    assertThat(node.at("/_links/self/href").asText())
        .isEqualTo("http://localhost:8080/Autodiscover/AutodiscoverService.svc/root/oauth/user");
    assertThat(node.at("/_links/applications/href").asText())
        .isEqualTo("http://localhost:8080/ucwa/oauth/v1/applications");
    assertThat(node.at("/_links/applications/revision").asText()).isEqualTo("2");
  }

  @Test
  void theInternalHostNameMakesAnInternalDomainResponse() {
    AutodiscoverDocument domain =
        resources.domain(topology, bases("https", "lyncdiscoverinternal.litwareinc.com"));

    Element root =
        SafeXml.parse(renderer.render(domain, AutodiscoverFormat.XML).body(), 64 * 1024)
            .getDocumentElement();

    assertThat(root.getAttribute("AccessLocation")).isEqualTo("Internal");
    Element resource = (Element) root.getElementsByTagName("Domain").item(0);
    assertThat(xmlLinks(resource))
        .containsEntry("Ucwa", "https://atl-cs-001.litwareinc.com/ucwa/v1/applications")
        .containsEntry(
            "Self",
            "https://lyncdiscoverinternal.litwareinc.com/Autodiscover/AutodiscoverService.svc/root/domain");
  }
}
