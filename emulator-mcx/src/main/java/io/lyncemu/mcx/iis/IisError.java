package io.lyncemu.mcx.iis;

import java.util.List;

/**
 * The IIS errors the emulator renders, each with its status, sub-status and page text. The text is
 * the emulator's own wording, written to read like an IIS 8.5 detailed error page. Immutable.
 */
public enum IisError {
  BAD_REQUEST(
      400,
      0,
      "Bad Request",
      "The request could not be understood by the server because its syntax is invalid.",
      List.of(
          "A request header or the request line is malformed.",
          "The request body does not match what the endpoint accepts."),
      List.of("Check the request line, headers and body, then send the request again."),
      "ManagedPipelineHandler",
      "ExecuteRequestHandler",
      "0x80070057"),
  UNAUTHORIZED_LOGON_FAILED(
      401,
      1,
      "Unauthorized",
      "Access is denied because the credentials supplied were not valid.",
      List.of(
          "The user name or password is wrong.",
          "The domain account is locked out or disabled.",
          "The Negotiate or NTLM exchange did not complete.",
          "The password has expired and must be changed before the account can sign in."),
      List.of(
          "Check the user name (DOMAIN\\user or user principal name) and the password.",
          "Make sure the client completes the authentication handshake on one connection.",
          "Create a tracing rule to follow the failed request for this HTTP status code."),
      "WindowsAuthenticationModule",
      "AuthenticateRequest",
      "0x8009030e"),
  UNAUTHORIZED_NO_CREDENTIALS(
      401,
      2,
      "Unauthorized",
      "Access is denied because no credentials were sent with the request.",
      List.of(
          "The client did not send an Authorization header.",
          "The client does not support any of the offered authentication schemes.",
          "The site expects Windows authentication (Negotiate or NTLM).",
          "A proxy between the client and the server removed the Authorization header."),
      List.of(
          "Retry the request with Negotiate or NTLM credentials.",
          "Check which schemes the WWW-Authenticate headers of this response offer.",
          "Create a tracing rule to follow the failed request for this HTTP status code."),
      "IIS Web Core",
      "AuthenticateRequest",
      "0x80070005"),
  NOT_FOUND(
      404,
      0,
      "Not Found",
      "The resource you asked for does not exist here, was moved or renamed, or cannot be reached"
          + " right now.",
      List.of(
          "The address is misspelled or points to a virtual directory that does not exist.",
          "No handler is mapped to this path on the server."),
      List.of(
          "Check the address for typing mistakes.",
          "Create the content on the server, or correct the link that led here."),
      "IIS Web Core",
      "MapRequestHandler",
      "0x80070002"),
  METHOD_NOT_ALLOWED(
      405,
      0,
      "Method Not Allowed",
      "The HTTP method used is not accepted for this address.",
      List.of(
          "The endpoint does not support the verb that was sent (for example GET on a SOAP port)."),
      List.of("Use a method the endpoint supports; SOAP endpoints expect POST."),
      "StaticFileModule",
      "ExecuteRequestHandler",
      "0x80070001"),
  REQUEST_ENTITY_TOO_LARGE(
      413,
      0,
      "Request Entity Too Large",
      "The request body is larger than this server is willing to accept.",
      List.of("The body exceeds the configured upload limit of the endpoint."),
      List.of("Send a smaller request body."),
      "IIS Web Core",
      "BeginRequest",
      "0x80070070"),
  UNSUPPORTED_MEDIA_TYPE(
      415,
      0,
      "Unsupported Media Type",
      "The content type of the request body is not accepted by this endpoint.",
      List.of("The Content-Type header is missing or names a format the endpoint does not read."),
      List.of("Send the body with a supported Content-Type, such as text/xml for SOAP."),
      "ManagedPipelineHandler",
      "ExecuteRequestHandler",
      "0x80070032"),
  INTERNAL_SERVER_ERROR(
      500,
      0,
      "Internal Server Error",
      "The server hit an unexpected condition and could not finish the request.",
      List.of("An application on the server failed while handling the request."),
      List.of("Try again later.", "Check the server's event log for the failure."),
      "ManagedPipelineHandler",
      "ExecuteRequestHandler",
      "0x80004005");

  private final int status;
  private final int subStatus;
  private final String reasonPhrase;
  private final String summary;
  private final List<String> likelyCauses;
  private final List<String> thingsToTry;
  private final String module;
  private final String notification;
  private final String errorCode;

  IisError(
      int status,
      int subStatus,
      String reasonPhrase,
      String summary,
      List<String> likelyCauses,
      List<String> thingsToTry,
      String module,
      String notification,
      String errorCode) {
    this.status = status;
    this.subStatus = subStatus;
    this.reasonPhrase = reasonPhrase;
    this.summary = summary;
    this.likelyCauses = likelyCauses;
    this.thingsToTry = thingsToTry;
    this.module = module;
    this.notification = notification;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  public int subStatus() {
    return subStatus;
  }

  public String reasonPhrase() {
    return reasonPhrase;
  }

  public String summary() {
    return summary;
  }

  public List<String> likelyCauses() {
    return likelyCauses;
  }

  public List<String> thingsToTry() {
    return thingsToTry;
  }

  public String module() {
    return module;
  }

  public String notification() {
    return notification;
  }

  public String errorCode() {
    return errorCode;
  }

  /** "401.2"-style code; no suffix for sub-status 0. */
  public String code() {
    return subStatus == 0 ? String.valueOf(status) : status + "." + subStatus;
  }
}
