// Self-service appraisal portal (/kinerja/...): the rater task form and the supervisor's team page.
// Plain script, no bundler: included by the www pages after frappe-web.bundle.js. Server calls go to
// whitelisted methods with the session's CSRF token (X-Frappe-CSRF-Token), like frappe.call does.
// Every string is translated with __(); the page puts their translations into frappe._messages.

(function () {
	"use strict";

	const kinerja = (window.kinerja = window.kinerja || {});

	// --- server calls ----------------------------------------------------------------------------------------

	function text_of(html) {
		// server messages may contain markup (frappe.bold): show their text only
		const doc = new DOMParser().parseFromString(String(html || ""), "text/html");
		return (doc.body.textContent || "").trim();
	}

	function server_messages(data) {
		let messages = [];
		try {
			messages = JSON.parse(data._server_messages || "[]").map((m) => {
				try {
					const parsed = JSON.parse(m);
					return text_of(parsed.message || parsed);
				} catch (e) {
					return text_of(m);
				}
			});
		} catch (e) {
			messages = [];
		}
		return messages.filter(Boolean);
	}

	kinerja.call = function (method, args, http_method) {
		const get = http_method === "GET";
		let url = "/api/method/" + method;
		const options = {
			method: get ? "GET" : "POST",
			credentials: "same-origin",
			headers: {
				Accept: "application/json",
				"X-Frappe-CSRF-Token": frappe.csrf_token || "",
			},
		};
		if (get) {
			const query = new URLSearchParams();
			Object.entries(args || {}).forEach(([key, value]) => {
				if (value !== undefined && value !== null) query.append(key, value);
			});
			url += "?" + query.toString();
		} else {
			options.headers["Content-Type"] = "application/json";
			options.body = JSON.stringify(args || {});
		}
		return fetch(url, options).then((response) =>
			response
				.json()
				.catch(() => ({}))
				.then((data) => {
					if (response.ok && !data.exc_type) return data.message;
					let messages = server_messages(data);
					if (!messages.length) {
						messages = [
							response.status === 403
								? __("You are not permitted to do this. Log in again if your session ended.")
								: __("Something went wrong. Please try again."),
						];
					}
					const error = new Error(messages.join(" "));
					error.messages = messages;
					error.status = response.status;
					throw error;
				})
		);
	};

	function show_message(el, text, kind) {
		if (!el) return;
		el.textContent = "";
		el.className = "kinerja-message alert alert-" + (kind || "info");
		// role=alert for errors (announced at once), role=status (polite) otherwise
		el.setAttribute("role", kind === "danger" ? "alert" : "status");
		el.textContent = text;
	}

	function set_busy(buttons, busy) {
		buttons.forEach((b) => {
			if (!b) return;
			b.disabled = busy;
			b.setAttribute("aria-busy", busy ? "true" : "false");
		});
	}

	// --- the rater task form ------------------------------------------------------------------------------------

	function feedback_form(form) {
		const name = form.dataset.name;
		const message = document.getElementById("kinerja-form-message");
		const save = document.getElementById("kinerja-save-draft");
		const submit = document.getElementById("kinerja-submit");
		const items = Array.from(form.querySelectorAll("fieldset.kinerja-item"));

		function chosen(fieldset) {
			const input = fieldset.querySelector("input[type=radio]:checked");
			return input ? parseInt(input.value, 10) : 0;
		}

		function collect() {
			const competencies = {};
			const behaviours = {};
			items.forEach((fieldset) => {
				const text = fieldset.querySelector("textarea[data-field=text]");
				if (fieldset.dataset.kind === "competency") {
					competencies[fieldset.dataset.item] = {
						level: chosen(fieldset),
						evidence: text ? text.value : "",
					};
				} else {
					behaviours[fieldset.dataset.item] = {
						score: chosen(fieldset),
						note: text ? text.value : "",
					};
				}
			});
			const feedback = document.getElementById("kinerja-feedback-text");
			return { name, competencies, behaviours, feedback: feedback ? feedback.value : "" };
		}

		function update_progress() {
			const rated = items.filter((f) => chosen(f)).length;
			const total = items.length;
			const bar = document.querySelector("#kinerja-form-progress .progress");
			const text = document.querySelector("#kinerja-form-progress .kinerja-progress-text");
			const label = __("{0} of {1} rated", [rated, total]);
			if (bar) {
				bar.setAttribute("aria-valuenow", rated);
				bar.setAttribute("aria-valuetext", label);
				bar.querySelector(".progress-bar").style.width =
					(total ? Math.round((rated * 100) / total) : 0) + "%";
			}
			if (text) text.textContent = label;
			items.forEach((f) => f.classList.toggle("kinerja-item-done", !!chosen(f)));
		}

		function send(as_submit) {
			const args = collect();
			if (as_submit) {
				const missing = items.filter((f) => !chosen(f));
				if (missing.length) {
					const names = missing.map((f) => f.dataset.item).join(", ");
					show_message(
						message,
						__("Rate every item before sending. Not rated yet: {0}.", [names]),
						"danger"
					);
					const first = missing[0].querySelector("input[type=radio]");
					missing[0].scrollIntoView({ block: "center" });
					if (first) first.focus();
					return;
				}
				if (
					!window.confirm(
						__("Send this feedback now? After sending it can no longer be changed.")
					)
				) {
					return;
				}
			}
			args.submit = as_submit ? 1 : 0;
			set_busy([save, submit], true);
			show_message(message, as_submit ? __("Sending…") : __("Saving…"), "info");
			kinerja
				.call("kinerja_asn.api.portal.tasks.save_feedback", args)
				.then((result) => {
					if (result.status === "Submitted") {
						show_message(message, result.message, "success");
						window.location.href =
							"/kinerja/tugas?sent=" + encodeURIComponent(result.name);
						return;
					}
					show_message(message, result.message, "success");
					set_busy([save, submit], false);
				})
				.catch((error) => {
					show_message(message, error.message, "danger");
					message.focus();
					set_busy([save, submit], false);
				});
		}

		form.addEventListener("change", update_progress);
		form.addEventListener("submit", (event) => event.preventDefault());
		if (save) save.addEventListener("click", () => send(false));
		if (submit) submit.addEventListener("click", () => send(true));
		update_progress();
	}

	// --- the supervisor's team page -----------------------------------------------------------------------------

	function team_page(root) {
		const data_el = document.getElementById("kinerja-team-data");
		if (!data_el) return;
		const data = JSON.parse(data_el.textContent);
		const labels = data.labels || {};
		const kuadran = {};
		(data.kuadran || []).forEach((k) => {
			kuadran[k.hasil_kerja + "|" + k.perilaku] = k.predikat;
		});

		function field_state(form, field) {
			const box = form.querySelector(`.kinerja-rating-field[data-field=${field}]`);
			const select = box.querySelector("select");
			const proposed = box.dataset.proposed || "";
			const value = select.value || proposed;
			const changed = !!select.value && select.value !== proposed;
			return { box, select, proposed, value, changed };
		}

		function refresh_form(form) {
			const states = ["hasil_kerja", "perilaku"].map((f) => field_state(form, f));
			states.forEach((s) => {
				const reason = s.box.querySelector(".kinerja-reason");
				reason.hidden = !s.changed;
			});
			const predikat = kuadran[states[0].value + "|" + states[1].value];
			const output = form.querySelector("[data-role=preview]");
			output.textContent = predikat ? labels[predikat] || predikat : __("No predikat yet");
		}

		function predikat_pill(predikat) {
			const span = document.createElement("span");
			if (!predikat) {
				span.className = "text-muted";
				span.textContent = __("No predikat yet");
				return span;
			}
			span.className =
				"kinerja-rating kinerja-rating-" + predikat.toLowerCase().replace(/[ /]/g, "-");
			span.textContent = labels[predikat] || predikat;
			return span;
		}

		function update_distribution(dist) {
			const section = document.getElementById("kinerja-distribution");
			if (!section || !dist) return;
			dist.counts.forEach((c) => {
				const row = section.querySelector(`tr[data-predikat="${CSS.escape(c.predikat)}"]`);
				if (!row) return;
				row.querySelector("[data-role=count]").textContent = c.count;
				row.querySelector("[data-role=percent]").textContent = Math.round(c.percent) + "%";
			});
			const note = section.querySelector("[data-role=note]");
			if (note) note.textContent = dist.note || "";
			const without = section.querySelector("[data-role=without]");
			if (without) {
				without.textContent = dist.without_predikat
					? __("{0} without predikat yet (not counted).", [dist.without_predikat])
					: "";
			}
			dist.rules.forEach((r) => {
				const item = section.querySelector(`li[data-code="${CSS.escape(r.code)}"]`);
				if (!item) return;
				item.className = "kinerja-" + r.status.replace("_", "-");
				item.querySelector("[data-role=status]").textContent = r.status_label;
				item.querySelector("[data-role=figures]").textContent =
					r.kind === "max"
						? __("now {0}, at most {1}", [r.actual, r.limit])
						: __("now {0}, at least {1}", [r.actual, r.limit]);
			});
		}

		function save(form) {
			const message = form.querySelector("[data-role=message]");
			const button = form.querySelector("button[type=submit]");
			const states = {};
			["hasil_kerja", "perilaku"].forEach((f) => (states[f] = field_state(form, f)));
			for (const f of ["hasil_kerja", "perilaku"]) {
				const reason = states[f].box.querySelector("textarea");
				if (states[f].changed && !reason.value.trim()) {
					show_message(
						message,
						__("Give a reason for changing the proposed rating."),
						"danger"
					);
					reason.focus();
					return;
				}
			}
			const args = { asn_appraisal: form.dataset.name };
			["hasil_kerja", "perilaku"].forEach((f) => {
				args[f + "_rating"] = states[f].select.value || "";
				args[f + "_override_reason"] = states[f].changed
					? states[f].box.querySelector("textarea").value
					: "";
			});
			args.notes = form.querySelector("textarea[name=notes]").value;
			set_busy([button], true);
			show_message(message, __("Saving…"), "info");
			kinerja
				.call("kinerja_asn.api.appraisal.set_evaluation", args)
				.then((result) => {
					const predikat = result.predikat;
					const card = form.closest(".kinerja-staff");
					const badge = card.querySelector("[data-role=predikat-badge]");
					badge.replaceChildren(predikat_pill(predikat));
					form.querySelector("[data-role=preview]").textContent = badge.textContent;
					show_message(
						message,
						predikat
							? __("Ratings saved. Predikat: {0}.", [labels[predikat] || predikat])
							: __("Ratings saved."),
						"success"
					);
					return kinerja.call(
						"kinerja_asn.api.portal.team.get_team",
						{
							appraisal_cycle: data.cycle,
							organisation_predicate: data.organisation_predicate,
						},
						"GET"
					);
				})
				.then((team) => team && update_distribution(team.distribution))
				.catch((error) => {
					show_message(message, error.message, "danger");
					message.focus();
				})
				.finally(() => set_busy([button], false));
		}

		root.querySelectorAll("form.kinerja-evaluation").forEach((form) => {
			form.addEventListener("change", () => refresh_form(form));
			form.addEventListener("submit", (event) => {
				event.preventDefault();
				save(form);
			});
			refresh_form(form);
		});
	}

	function init() {
		const form = document.getElementById("kinerja-feedback-form");
		if (form && form.dataset.editable === "1") feedback_form(form);
		const team = document.getElementById("kinerja-tim");
		if (team) team_page(team);
		const sent = document.getElementById("kinerja-sent-alert");
		if (sent) sent.focus();
	}

	if (document.readyState === "loading") {
		document.addEventListener("DOMContentLoaded", init);
	} else {
		init();
	}
})();
