/**
 * comm's implementation. Nothing under {@code dev.comm.internal} is API: its types may
 * change or go in any release, and no type outside it names one of them (the build holds
 * that rule). Applications use the packages beside it: the exceptions in
 * {@code dev.comm}, {@code address}, {@code client}, {@code codec}, {@code endpoint} and
 * {@code handler}; a transport is written against {@code transport} and {@code protocol}.
 */
package dev.comm.internal;
