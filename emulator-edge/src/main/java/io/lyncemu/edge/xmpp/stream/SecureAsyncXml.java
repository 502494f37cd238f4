package io.lyncemu.edge.xmpp.stream;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * Creates Aalto async readers locked down for XMPP. Aalto does not fetch or expand DTDs in the
 * first place; these settings make that explicit, so a future Aalto default cannot turn it on, and
 * the resolver fails loudly if anything ever tries to load an external entity.
 */
final class SecureAsyncXml {
  private static final InputFactoryImpl FACTORY = newFactory();

  private SecureAsyncXml() {}

  static AsyncXMLStreamReader<AsyncByteArrayFeeder> newReader() {
    return FACTORY.createAsyncForByteArray();
  }

  private static InputFactoryImpl newFactory() {
    InputFactoryImpl factory = new InputFactoryImpl();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // Undeclared entities then surface as ENTITY_REFERENCE events we can reject as restricted XML
    // instead of a generic well-formedness error.
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
    // Coalescing would make Aalto buffer whole text nodes; partial text is fine for us.
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external entities are never resolved: " + systemId);
        });
    return factory;
  }
}
