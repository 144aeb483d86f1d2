package com.example.commdemo;

/**
 * The demo cannot finish; the message says why, for the person running it.
 */
class DemoFailure extends RuntimeException {

	DemoFailure(String message) {
		super(message);
	}

	DemoFailure(String message, Throwable cause) {
		super(message, cause);
	}

}
