//! Share links that send nothing, the browser's side: "Copy link" puts the document
//! itself, compressed, in the link's fragment, which browsers never send to a server.
//! The work and its messages are `public/share.js`'s, loaded only when a link is made
//! or opened; `public/boot.js` wires it to the app. It hands over the function that
//! makes a link ([`adopt_share`]), and share.js answers through [`share_answer`], which
//! passes the answer to the page's receiver ([`receive`], `state::share`). Every byte of
//! this side is in the first download, so it only carries calls.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::js_sys::Function;

/// What share.js says: a link was copied or refused, or one was opened.
pub struct Answer {
    pub message: String,
    /// The message is a refusal (a text too long, a link that could not be read).
    pub problem: bool,
    /// The document of a link that was opened: its title and text.
    pub document: Option<(Option<String>, String)>,
}

/// Where the answers go: the page's article (`state::share`).
type Receiver = Rc<dyn Fn(Answer)>;

thread_local! {
    /// `copy(title, text)`: makes the link and answers through [`share_answer`].
    static COPY: RefCell<Option<Function>> = const { RefCell::new(None) };
    static RECEIVER: RefCell<Option<Receiver>> = const { RefCell::new(None) };
}

/// The function that makes links, from boot.js once the app runs.
#[wasm_bindgen(js_name = adoptShare)]
pub fn adopt_share(copy: Function) {
    COPY.with(|current| *current.borrow_mut() = Some(copy));
}

/// Sends share.js's answers to `receiver` from now on.
pub fn receive(receiver: impl Fn(Answer) + 'static) {
    RECEIVER.with(|current| *current.borrow_mut() = Some(Rc::new(receiver)));
}

/// Asks share.js for a link to the document `title`/`text`; it answers later. False
/// when this page cannot make links (boot.js handed over nothing, or the call failed).
pub fn copy_link(title: &str, text: &str) -> bool {
    COPY.with(|copy| {
        copy.borrow().as_ref().is_some_and(|copy| {
            copy.call2(&JsValue::NULL, &title.into(), &text.into())
                .is_ok()
        })
    })
}

/// share.js's answer: `message` (a refusal if `problem`), and the title and text of a
/// link that was opened.
#[wasm_bindgen(js_name = shareAnswer)]
pub fn share_answer(message: String, problem: bool, title: Option<String>, text: Option<String>) {
    let receiver = RECEIVER.with(|current| current.borrow().clone());
    if let Some(receiver) = receiver {
        receiver(Answer {
            message,
            problem,
            document: text.map(|text| (title, text)),
        });
    }
}
