/**
 * Spring Security for comm's handlers: the security context of the peer's authentication,
 * so that method security applies to handler methods.
 */
package dev.comm.autoconfigure.security;
