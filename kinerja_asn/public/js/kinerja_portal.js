// Self-service appraisal portal: one page (the shell, kinerja_asn/www/kinerja/index.html) for /kinerja and every
// /kinerja/<path>. This script shows each view from the portal's whitelisted endpoints and navigates on the
// client (History API): Penilaian Saya, Tugas Penilaian, one task form, Tim Saya, Panduan Penilaian.
// The endpoints decide what a person may see (kinerja_asn.access); nothing here widens it.
// Plain script, no bundler: loaded after frappe-web.bundle.js. Server calls go to whitelisted methods with the
// session's CSRF token (X-Frappe-CSRF-Token), like frappe.call does. Every string is translated with __();
// the shell puts their translations into frappe._messages. Every value is escaped (esc) before it is shown.

(function () {
	"use strict";

	const kinerja = (window.kinerja = window.kinerja || {});
	const config = window.kinerja_config || { views: {}, nav: {} };
	const API = "kinerja_asn.api.portal.";

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
				if (value !== undefined && value !== null && value !== "") query.append(key, value);
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

	// --- display helpers (as the page templates had them) ------------------------------------------------------

	function esc(value) {
		return String(value === undefined || value === null ? "" : value)
			.replace(/&/g, "&amp;")
			.replace(/</g, "&lt;")
			.replace(/>/g, "&gt;")
			.replace(/"/g, "&quot;")
			.replace(/'/g, "&#39;");
	}

	function fixed(value, digits) {
		return Number(value || 0).toFixed(digits);
	}

	function signed(value) {
		return (Number(value) < 0 ? "" : "+") + fixed(value, 2);
	}

	function plain(value) {
		// Python's "%g": 20.0 -> "20", 2.5 -> "2.5"
		return String(Number(Number(value || 0).toPrecision(6)));
	}

	function slug(value) {
		return String(value).toLowerCase().replace(/[ /]/g, "-");
	}

	function rating(value, label, empty) {
		if (!value) return `<span class="text-muted">${esc(empty)}</span>`;
		return `<span class="kinerja-rating kinerja-rating-${esc(slug(value))}">${esc(
			label || value
		).replace(/\//g, "/<wbr>")}</span>`;
	}

	function number(value, empty) {
		return value === null || value === undefined
			? `<span class="text-muted">${esc(empty)}</span>`
			: fixed(value, 2);
	}

	function groups(items) {
		// inline items: the white space between them is part of the look
		if (!items || !items.length) return "";
		return `<ul class="kinerja-groups list-inline mb-0">${items
			.map(
				(g) =>
					`<li class="list-inline-item"><span class="kinerja-group-role">${esc(
						g.role_label
					)}</span> <strong>${fixed(g.mean, 2)}</strong>${
						g.count > 1
							? ` <span class="text-muted small">(${esc(__("{0} raters", [g.count]))})</span>`
							: ""
					}</li>`
			)
			.join("\n")}</ul>`;
	}

	function lines(items) {
		if (!items || !items.length) return "";
		return `<ul class="kinerja-indicators">${items.map((l) => `<li>${esc(l)}</li>`).join("")}</ul>`;
	}

	function progress(rated, total, label) {
		const pct = total ? Math.floor((rated * 100) / total) : 0;
		const text = esc(__("{0} of {1} rated", [rated, total]));
		return `<div class="kinerja-progress">
	<div class="progress" role="progressbar" aria-label="${esc(label)}" aria-valuemin="0" aria-valuemax="${esc(
		total
	)}" aria-valuenow="${esc(rated)}" aria-valuetext="${text}">
		<div class="progress-bar" style="width: ${pct}%"></div>
	</div>
	<span class="kinerja-progress-text small" aria-hidden="true">${text}</span>
</div>`;
	}

	function notice(kind, text, attrs) {
		return `<div class="alert alert-${kind}" role="status"${attrs || ""}>${esc(text)}</div>`;
	}

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

	// --- Penilaian Saya (/kinerja) -------------------------------------------------------------------------------

	function view_saya(data) {
		if (data.message) return notice("warning", data.message);
		if (!data.appraisals || !data.appraisals.length) {
			return notice(
				"info",
				__("You have no appraisal yet. It appears here when HR opens an appraisal cycle for you.")
			);
		}
		const employee = data.employee || {};
		let html = `<p class="kinerja-lead">${esc(employee.employee_name)}${
			employee.designation ? ` · ${esc(employee.designation)}` : ""
		}</p>`;
		data.appraisals.forEach((a, index) => {
			html += appraisal_card(a, "apr-" + (index + 1), index === 0);
		});
		return html;
	}

	function appraisal_card(a, aid, open) {
		const labels = a.labels || {};
		const hidden = `<span class="text-muted kinerja-hidden">${esc(__(
			"Not shown yet"
		))}<sup aria-hidden="true">*</sup></span>`;
		const release_note = a.released
			? ""
			: `<p class="small text-muted"><sup aria-hidden="true">*</sup>${esc(a.release_note)}</p>`;
		const results = (a.results || [])
			.map(
				(r) => `<tr>
					<td data-label="${esc(__("Rencana Hasil Kerja"))}">${esc(r.rhk)}${
					r.jenis ? ` <span class="badge badge-light">${esc(r.jenis)}</span>` : ""
				}</td>
					<td data-label="${esc(__("Target"))}">${esc(r.target)}</td>
					<td data-label="${esc(__("Realisasi"))}">${esc(r.realisasi)}</td>
					<td data-label="${esc(__("Achievement"))}">${fixed(r.achievement, 2)}%</td>
					<td data-label="${esc(__("Classification"))}">${esc(r.classification || "-")}</td>
				</tr>`
			)
			.join("");
		const competencies = (a.competencies || [])
			.map(
				(c) => `<tr>
					<td data-label="${esc(__("Competency"))}"><span class="font-weight-bold">${esc(c.competency)}</span>${
					c.competency_type_label
						? ` <span class="badge badge-light">${esc(c.competency_type_label)}</span>`
						: ""
				}
						${groups(c.groups)}</td>
					<td data-label="${esc(__("Required Level"))}">${esc(c.required_level || "-")}</td>
					<td data-label="${esc(__("Assessed Level"))}">${
					c.hidden ? hidden : number(c.assessed_level, __("Not assessed yet"))
				}</td>
					<td data-label="${esc(__("Gap"))}">${
					c.gap === null || c.gap === undefined
						? "-"
						: `<span class="${c.gap < 0 ? "kinerja-gap-negative" : "kinerja-gap-ok"}">${signed(
								c.gap
						  )}</span>`
				}</td>
				</tr>`
			)
			.join("");
		const behaviours = (a.behaviours || [])
			.map(
				(b) => `<tr>
					<td data-label="${esc(__("Core Value"))}"><span class="font-weight-bold">${esc(
					b.core_value
				)}</span>${groups(b.groups)}</td>
					<td data-label="${esc(__("Score"))}">${
					b.hidden ? hidden : number(b.score, __("Not assessed yet"))
				}</td>
				</tr>`
			)
			.join("");
		const feedback = (a.feedback || []).length
			? `<ul class="kinerja-feedback list-unstyled">${a.feedback
					.map(
						(f) =>
							`<li><span class="badge badge-light">${esc(
								f.role_label || __("Anonymous")
							)}</span><blockquote class="mb-0">${esc(f.text)}</blockquote></li>`
					)
					.join("")}</ul>`
			: `<p class="text-muted">${esc(__("No feedback texts to show yet."))}</p>`;
		return `<details class="kinerja-card kinerja-appraisal"${open ? " open" : ""}>
	<summary class="kinerja-card-header">
		<span class="kinerja-card-title" id="${aid}-title">${esc(a.period)}</span>
		<span class="badge ${a.docstatus === 1 ? "badge-success" : "badge-secondary"}">${esc(a.status)}</span>
	</summary>
	<div class="kinerja-card-body">
		${a.released ? "" : `<p class="alert alert-info kinerja-release-note">${esc(a.release_note)}</p>`}
		<dl class="kinerja-summary">
			<div><dt>${esc(__("Rating Hasil Kerja"))}</dt><dd>${rating(
			a.hasil_kerja_rating,
			labels[a.hasil_kerja_rating],
			__("Not set yet")
		)}</dd></div>
			<div><dt>${esc(__("Rating Perilaku Kerja"))}</dt><dd>${rating(
			a.perilaku_rating,
			labels[a.perilaku_rating],
			__("Not set yet")
		)}</dd></div>
			<div><dt>${esc(__("Predikat Kinerja"))}</dt><dd>${rating(a.predikat, labels[a.predikat], __("Not set yet"))}
				${
					a.predikat
						? `<span class="small text-muted">(${esc(
								labels[a.predikat_status] || a.predikat_status
						  )})</span>`
						: ""
				}</dd></div>
			<div><dt>${esc(__("Pejabat Penilai Kinerja"))}</dt><dd>${esc(a.evaluator_name || "-")}</dd></div>
			<div><dt>${esc(__("Feedback received"))}</dt><dd>${esc(__("{0} of {1} raters", [
			a.raters_submitted,
			a.raters_assigned,
		]))}</dd></div>
		</dl>
		${
			a.notes
				? `<div class="kinerja-notes"><h3 class="kinerja-h3">${esc(__(
						"Notes from your Pejabat Penilai Kinerja"
				  ))}</h3><p>${esc(a.notes)}</p></div>`
				: ""
		}

		<section aria-labelledby="${aid}-hasil">
			<h2 class="kinerja-h2" id="${aid}-hasil">${esc(__("Hasil Kerja (SKP)"))}</h2>
			${
				results
					? `<table class="table table-sm kinerja-stack">
				<thead><tr><th scope="col">${esc(__("Rencana Hasil Kerja"))}</th><th scope="col">${esc(__(
							"Target"
					  ))}</th><th scope="col">${esc(__("Realisasi"))}</th><th scope="col">${esc(__(
							"Achievement"
					  ))}</th><th scope="col">${esc(__("Classification"))}</th></tr></thead>
				<tbody>${results}</tbody>
			</table>`
					: `<p class="text-muted">${esc(__("No SKP results recorded for this period yet."))}</p>`
			}
		</section>

		<section aria-labelledby="${aid}-komp">
			<h2 class="kinerja-h2" id="${aid}-komp">${esc(__("My competencies against my position profile"))}</h2>
			<p class="small text-muted">${esc(__(
				"Required level: the standard of your position. Assessed level: the weighted result of your raters. Gap: assessed minus required."
			))}</p>
			<table class="table table-sm kinerja-stack">
				<thead><tr><th scope="col">${esc(__("Competency"))}</th><th scope="col">${esc(__(
			"Required Level"
		))}</th><th scope="col">${esc(__("Assessed Level"))}</th><th scope="col">${esc(__("Gap"))}</th></tr></thead>
				<tbody>${competencies}</tbody>
			</table>
			${release_note}
			<p class="kinerja-jpm">
				<strong>${esc(__("Job Person Match"))}:</strong>
				${
					a.jpm !== null && a.jpm !== undefined
						? `${fixed(a.jpm, 2)}% <span class="badge badge-info">${esc(a.jpm_category || "")}</span>`
						: `<span class="text-muted">${esc(__(
								"Shown when all competencies are assessed and the results are released."
						  ))}</span>`
				}
			</p>
		</section>

		<section aria-labelledby="${aid}-perilaku">
			<h2 class="kinerja-h2" id="${aid}-perilaku">${esc(__("Perilaku Kerja (BerAKHLAK)"))}</h2>
			<table class="table table-sm kinerja-stack">
				<thead><tr><th scope="col">${esc(__("Core Value"))}</th><th scope="col">${esc(__("Score"))}</th></tr></thead>
				<tbody>${behaviours}</tbody>
			</table>
			${release_note}
			${
				a.behaviour_score !== null && a.behaviour_score !== undefined
					? `<p><strong>${esc(__("Weighted Behaviour Score"))}:</strong> ${fixed(a.behaviour_score, 2)}</p>`
					: ""
			}
			${
				a.released
					? `<p class="small text-muted">${esc(__(
							"Peers and subordinates are shown as a group only when at least {0} of them have sent their feedback; smaller groups are combined or not shown.",
							[a.anonymity_threshold]
					  ))}</p>`
					: ""
			}
		</section>

		<section aria-labelledby="${aid}-umpan">
			<h2 class="kinerja-h2" id="${aid}-umpan">${esc(__("Feedback from your raters"))}</h2>
			${feedback}
		</section>

		<section aria-labelledby="${aid}-dev">
			<h2 class="kinerja-h2" id="${aid}-dev">${esc(__("Development"))}</h2>
			${development(a.development || {})}
		</section>
	</div>
</details>`;
	}

	function development(d) {
		let html = "";
		if (d.strengths && d.strengths.length) {
			html += `<p><strong>${esc(__("Strengths"))}:</strong> ${esc(d.strengths.join(", "))}</p>`;
		}
		if (d.areas && d.areas.length) {
			html += `<p class="mb-1"><strong>${esc(__("Areas for development"))}:</strong></p><ul>${d.areas
				.map(
					(a) =>
						`<li>${esc(a.competency)} (${signed(a.gap)})${
							a.methods && a.methods.length ? `: ${esc(a.methods.join(", "))}` : ""
						}</li>`
				)
				.join("")}</ul>`;
		}
		const plan = d.plan;
		if (!plan) {
			return (
				html +
				`<div class="kinerja-placeholder">${esc(__(
					"No development plan has been agreed yet. Your Pejabat Penilai Kinerja agrees it with you after the appraisal; the suggestions above can be a starting point."
				))}</div>`
			);
		}
		html += `<h3 class="kinerja-h3">${esc(__("Development plan {0}", [
			plan.year,
		]))} <span class="badge badge-light">${esc(plan.status_label || "")}</span></h3>
			<p class="small mb-1">${esc(__("Planned: {0} JP; realised: {1} JP", [
				plain(plan.total_planned_jp),
				plain(plan.total_realised_jp),
			]))}${plan.jp_target ? ` · ${esc(__("Target: {0} JP", [plain(plan.jp_target)]))}` : ""}</p>`;
		if (plan.items && plan.items.length) {
			html += `<table class="table table-sm kinerja-stack">
				<thead><tr><th scope="col">${esc(__("Competency"))}</th><th scope="col">${esc(__(
				"Method"
			))}</th><th scope="col">${esc(__("Planned JP"))}</th><th scope="col">${esc(__("Status"))}</th></tr></thead>
				<tbody>${plan.items
					.map(
						(i) => `<tr>
					<td data-label="${esc(__("Competency"))}">${esc(i.competency || "-")}${
							i.description ? `<div class="small text-muted">${esc(i.description)}</div>` : ""
						}</td>
					<td data-label="${esc(__("Method"))}">${esc(i.method || "-")}</td>
					<td data-label="${esc(__("Planned JP"))}">${plain(i.planned_jp)}</td>
					<td data-label="${esc(__("Status"))}">${esc(i.status || "-")}</td>
				</tr>`
					)
					.join("")}</tbody>
			</table>`;
		}
		if (plan.notes) html += `<p class="small">${esc(plan.notes)}</p>`;
		return html;
	}

	// --- Tugas Penilaian (/kinerja/tugas) ------------------------------------------------------------------------

	function task_who(t) {
		return t.is_self ? esc(__("Self-assessment")) : esc(t.employee_name);
	}

	function view_tugas(tasks, params) {
		let html = params.get("sent")
			? notice("success", __("Your feedback was sent. Thank you."), ' tabindex="-1" id="kinerja-sent-alert"')
			: "";
		const open = tasks.open || [];
		html += `<section aria-labelledby="tugas-open">
	<h2 class="kinerja-h2" id="tugas-open">${esc(__(
		"To do"
	))} <span class="badge badge-pill badge-primary">${open.length}</span></h2>`;
		if (open.length) {
			html += `<p class="small text-muted">${esc(__(
				"Your feedback is confidential: the person you rate sees only the combined results of each rater group, never your name."
			))}</p><ul class="kinerja-task-list list-unstyled">${open
				.map((t) => {
					const action = t.closed ? __("View") : t.rated ? __("Continue") : __("Start");
					return `<li class="kinerja-card kinerja-task">
			<div class="kinerja-task-main">
				<h3 class="kinerja-h3 mb-1"><a href="${esc(t.route)}" class="kinerja-task-link">${task_who(t)}</a></h3>
				<p class="mb-1 small">
					<span class="badge badge-info">${esc(t.rater_role_label)}</span>
					${t.designation && !t.is_self ? `<span class="text-muted">${esc(t.designation)}</span>` : ""}
				</p>
				<p class="mb-1 small text-muted">${esc(t.appraisal_cycle)}${
						t.deadline ? ` · ${esc(__("Deadline: {0}", [t.deadline]))}` : ""
					}</p>
				${progress(t.rated, t.total, __("Progress"))}
				${t.closed ? `<p class="small text-danger mb-0">${esc(t.closed)}</p>` : ""}
			</div>
			<div class="kinerja-task-action">
				<a class="btn btn-sm ${t.closed ? "btn-outline-secondary" : "btn-primary"}" href="${esc(
						t.route
					)}" aria-label="${esc(action)}: ${task_who(t)}">${esc(action)}</a>
			</div>
		</li>`;
				})
				.join("")}</ul>`;
		} else {
			html += `<p class="text-muted">${esc(__("You have no rater task to do. Thank you!"))}</p>`;
		}
		html += "</section>";
		const sent = tasks.sent || [];
		if (sent.length) {
			html += `<section aria-labelledby="tugas-sent">
	<details class="kinerja-sent">
		<summary><h2 class="kinerja-h2 d-inline" id="tugas-sent">${esc(__(
			"Sent"
		))} <span class="badge badge-pill badge-secondary">${sent.length}</span></h2></summary>
		<ul class="list-unstyled mt-2">${sent
			.map(
				(t) =>
					`<li class="kinerja-sent-item"><a href="${esc(t.route)}">${task_who(
						t
					)}</a> <span class="badge badge-light">${esc(
						t.rater_role_label
					)}</span> <span class="small text-muted">${esc(t.appraisal_cycle)}</span></li>`
			)
			.join("")}</ul>
	</details>
</section>`;
		}
		return html;
	}

	// --- one task form (/kinerja/tugas?name=…) -------------------------------------------------------------------

	function view_form(t) {
		const editable = !!t.editable;
		const disabled = editable ? "" : " disabled";
		let state = "";
		if (t.submitted) {
			state = notice("success", __("You sent this feedback. It can no longer be changed."));
		} else if (t.closed) {
			state = `<div class="alert alert-warning" role="status">${esc(t.closed)} ${esc(__(
				"Feedback can no longer be given."
			))}</div>`;
		} else {
			state = `<div class="kinerja-help small">
	<p class="mb-1">${esc(__(
		"For each competency choose the level whose description fits what you have observed during the period, and note an example if you can. For each core value give a score from 1 to 5."
	))}</p>
	<p class="mb-0">${esc(__(
		"Save a draft at any time; send when every item is rated. After sending, the feedback can no longer be changed."
	))}</p>
</div>`;
		}
		const competencies = (t.competencies || [])
			.map((c, index) => {
				const cid = "komp-" + (index + 1);
				const options = (c.levels || [])
					.map((lv) => {
						const oid = cid + "-" + lv.level;
						const more =
							lv.description || (lv.indicators && lv.indicators.length)
								? `<details class="kinerja-option-more small">
						<summary>${
							lv.description
								? `<span class="d-md-none">${esc(__("Description and indicators"))}</span>`
								: ""
						}<span class="${lv.description ? "d-none d-md-inline" : ""}">${esc(__(
										"Behavioural Indicators"
								  ))}</span></summary>
						${lv.description ? `<p class="d-md-none mb-1">${esc(lv.description)}</p>` : ""}
						${lines(lv.indicators)}
					</details>`
								: "";
						return `<div class="kinerja-option">
					<input class="kinerja-radio" type="radio" name="${cid}" id="${oid}" value="${esc(lv.level)}"${
							c.level === lv.level ? " checked" : ""
						}${lv.description ? ` aria-describedby="${oid}-desc"` : ""}>
					<label for="${oid}" class="kinerja-option-label"><span class="kinerja-level-no">${esc(__("Level {0}", [
							lv.level,
						]))}</span> ${esc(lv.title || "")}</label>
					${
						lv.description
							? `<p class="kinerja-option-desc small d-none d-md-block mb-1" id="${oid}-desc">${esc(
									lv.description
							  )}</p>`
							: ""
					}
					${more}
				</div>`;
					})
					.join("");
				return `<fieldset class="kinerja-item" id="${cid}" data-kind="competency" data-item="${esc(
					c.competency
				)}"${disabled}>
			<legend class="kinerja-legend">${esc(c.competency)}${
					c.competency_type_label
						? ` <span class="badge badge-light">${esc(c.competency_type_label)}</span>`
						: ""
				}</legend>
			${c.definition ? `<p class="kinerja-definition small">${esc(c.definition)}</p>` : ""}
			<div class="kinerja-options">${options}</div>
			<div class="form-group mt-2 mb-0">
				<label for="${cid}-text" class="small font-weight-bold">${esc(__("Evidence (optional)"))}</label>
				<textarea class="form-control form-control-sm" id="${cid}-text" data-field="text" rows="2" maxlength="5000">${esc(
					c.evidence
				)}</textarea>
			</div>
		</fieldset>`;
			})
			.join("");
		const guide = t.score_guide || [];
		const behaviours = (t.behaviours || [])
			.map((b, index) => {
				const bid = "nilai-" + (index + 1);
				const scale = (t.levels || [])
					.map(
						(s) => `<div class="kinerja-scale-option">
					<input class="kinerja-radio" type="radio" name="${bid}" id="${bid}-${s}" value="${s}"${
							b.score === s ? " checked" : ""
						} aria-describedby="${bid}-guides">
					<label for="${bid}-${s}" title="${esc((guide[s - 1] || {}).text)}"><span class="sr-only">${esc(__(
							"Score"
						))} </span>${s}</label>
				</div>`
					)
					.join("");
				return `<fieldset class="kinerja-item" id="${bid}" data-kind="behaviour" data-item="${esc(
					b.core_value
				)}"${disabled}>
			<legend class="kinerja-legend">${esc(b.core_value)}</legend>
			<div id="${bid}-guides" class="kinerja-guides small">
				${b.meaning ? `<p class="mb-1"><em>${esc(b.meaning)}</em></p>` : ""}
				${
					b.guides && b.guides.length
						? `<p class="mb-0 font-weight-bold">${esc(__("Behaviour guides"))}</p>${lines(b.guides)}`
						: ""
				}
			</div>
			<div class="kinerja-scale">${scale}</div>
			<div class="form-group mt-2 mb-0">
				<label for="${bid}-text" class="small font-weight-bold">${esc(__("Note (optional)"))}</label>
				<textarea class="form-control form-control-sm" id="${bid}-text" data-field="text" rows="2" maxlength="5000">${esc(
					b.note
				)}</textarea>
			</div>
		</fieldset>`;
			})
			.join("");
		let help = __("Shown to the person without your name. Be specific and respectful.");
		if (t.is_self) help = __("Shown to your Pejabat Penilai Kinerja and on your results page.");
		else if (t.rater_role === "Atasan Langsung") {
			help = __(
				"Shown to the person as the feedback of their Atasan Langsung. Be specific and respectful."
			);
		}
		return `<div class="kinerja-card kinerja-task-head">
	<p class="kinerja-lead mb-1">${
		t.is_self
			? esc(__("Self-assessment"))
			: `${esc(__("Feedback for"))} <strong>${esc(t.employee_name)}</strong>`
	}</p>
	<p class="small mb-1">
		<span class="badge badge-info">${esc(t.rater_role_label)}</span>
		${t.designation ? `<span class="text-muted">${esc(t.designation)}</span>` : ""}
	</p>
	<p class="small text-muted mb-2">${esc(t.period)}${
		t.deadline ? ` · ${esc(__("Deadline: {0}", [t.deadline]))}` : ""
	}</p>
	<div id="kinerja-form-progress">${progress(t.rated, t.total, __("Progress"))}</div>
</div>
${state}
<form id="kinerja-feedback-form" class="kinerja-form" data-name="${esc(t.name)}" data-editable="${
			editable ? 1 : 0
		}" novalidate>
	<section aria-labelledby="form-komp">
		<h2 class="kinerja-h2" id="form-komp">${esc(__("Competencies"))}</h2>
		${competencies}
	</section>
	<section aria-labelledby="form-nilai">
		<h2 class="kinerja-h2" id="form-nilai">${esc(__("Core Values (BerAKHLAK)"))}</h2>
		<details class="kinerja-score-guide small mb-2">
			<summary>${esc(__("What do the scores 1 to 5 mean?"))}</summary>
			<ul class="mb-0">${guide
				.map((s) => `<li><strong>${esc(s.score)}</strong> – ${esc(s.text)}</li>`)
				.join("")}</ul>
		</details>
		${behaviours}
	</section>
	<section aria-labelledby="form-umpan">
		<h2 class="kinerja-h2" id="form-umpan">${esc(__("Constructive Feedback"))}</h2>
		<div class="form-group">
			<label for="kinerja-feedback-text">${
				t.is_self
					? esc(__("What will you keep doing, and what do you want to improve?"))
					: esc(__("What should this person keep doing, and what could they do better?"))
			}</label>
			<textarea class="form-control" id="kinerja-feedback-text" rows="4" maxlength="5000" aria-describedby="kinerja-feedback-help"${disabled}>${esc(
			t.feedback
		)}</textarea>
			<small id="kinerja-feedback-help" class="form-text text-muted">${esc(help)}</small>
		</div>
	</section>
	<div id="kinerja-form-message" class="kinerja-message" role="status" aria-live="polite" aria-atomic="true" tabindex="-1"></div>
	${
		editable
			? `<div class="kinerja-actions">
		<button type="button" class="btn btn-secondary" id="kinerja-save-draft">${esc(__("Save Draft"))}</button>
		<button type="button" class="btn btn-primary" id="kinerja-submit">${esc(__("Send"))}</button>
	</div>`
			: ""
	}
	<p class="mt-3"><a href="/kinerja/tugas">${esc(__("Back to my rater tasks"))}</a></p>
</form>`;
	}

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
				.call(API + "tasks.save_feedback", args)
				.then((result) => {
					show_message(message, result.message, "success");
					if (result.status === "Submitted") {
						navigate("/kinerja/tugas?sent=" + encodeURIComponent(result.name));
						return;
					}
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

	// --- Tim Saya (/kinerja/tim) -----------------------------------------------------------------------------------

	function view_tim(data) {
		if (!data.is_supervisor) return notice("info", data.message);
		const d = data.distribution || {};
		const cycles = (data.cycles || [])
			.map(
				(c) =>
					`<option value="${esc(c)}"${c === data.appraisal_cycle ? " selected" : ""}>${esc(c)}</option>`
			)
			.join("");
		const predicates = (data.organisation_predicates || [])
			.map(
				(o) =>
					`<option value="${esc(o.value)}"${
						o.value === d.organisation_predicate ? " selected" : ""
					}>${esc(o.label)}</option>`
			)
			.join("");
		const staff = (data.staff || []).map((s, index) => staff_card(s, "staf-" + (index + 1), data)).join("");
		return `<form method="get" action="/kinerja/tim" class="kinerja-filter" id="kinerja-team-filter">
	<div class="form-group">
		<label for="kinerja-cycle">${esc(__("Appraisal Cycle"))}</label>
		<select class="form-control form-control-sm" id="kinerja-cycle" name="cycle">${cycles}</select>
	</div>
	<div class="form-group">
		<label for="kinerja-cko">${esc(__("Capaian Kinerja Organisasi"))}</label>
		<select class="form-control form-control-sm" id="kinerja-cko" name="organisation_predicate">${predicates}</select>
	</div>
	<div class="form-group"><button type="submit" class="btn btn-sm btn-secondary">${esc(__("Show"))}</button></div>
</form>
${data.period ? `<p class="small text-muted">${esc(data.period)}</p>` : ""}
${distribution(data)}
<section aria-labelledby="tim-staff">
	<h2 class="kinerja-h2" id="tim-staff">${esc(__("My staff"))} <span class="badge badge-pill badge-primary">${
			(data.staff || []).length
		}</span></h2>
	${staff}
</section>`;
	}

	function rule_class(r) {
		return "kinerja-" + String(r.status || "").replace(/_/g, "-"); // met, not-met, info
	}

	function rule_figures(r) {
		return r.kind === "max"
			? __("now {0}, at most {1}", [r.actual, r.limit])
			: __("now {0}, at least {1}", [r.actual, r.limit]);
	}

	function distribution(data) {
		const d = data.distribution || {};
		let source = "";
		if (data.organisation_predicate_source === "default") {
			source = `(${esc(
				__("no distribution group yet: Baik is assumed; choose another above to compare")
			)})`;
		} else if (data.organisation_predicate_source === "group") {
			source = `(${esc(__("set for the distribution group {0}", [(d.group || {}).group_name]))})`;
		}
		return `<section aria-labelledby="tim-distribusi" id="kinerja-distribution" class="kinerja-card">
	<div class="kinerja-card-body">
	<h2 class="kinerja-h2" id="tim-distribusi">${esc(__("Distribution of predikat (SE MenPANRB 3/2023)"))}</h2>
	<p class="small text-muted">${esc(__("Capaian Kinerja Organisasi"))}: <strong>${esc(
			d.organisation_predicate_label
		)}</strong> ${source}</p>
	<p class="small" data-role="note">${esc(d.note)}</p>
	<div class="table-responsive">
	<table class="table table-sm kinerja-distribution-table">
		<caption class="sr-only">${esc(__("Number of staff per predikat"))}</caption>
		<thead><tr><th scope="col">${esc(__("Predikat"))}</th><th scope="col">${esc(__(
			"Employees"
		))}</th><th scope="col"><span aria-hidden="true">%</span><span class="sr-only">${esc(__(
			"Percent"
		))}</span></th></tr></thead>
		<tbody>${(d.counts || [])
			.map(
				(c) =>
					`<tr data-predikat="${esc(c.predikat)}"><th scope="row">${esc(
						c.label
					)}</th><td data-role="count">${esc(c.count)}</td><td data-role="percent">${fixed(
						c.percent,
						0
					)}%</td></tr>`
			)
			.join("")}</tbody>
	</table>
	</div>
	<p class="small mb-1" data-role="without">${
		d.without_predikat ? esc(__("{0} without predikat yet (not counted).", [d.without_predikat])) : ""
	}</p>
	<ul class="kinerja-rules list-unstyled mb-0">${(d.rules || [])
		.map(
			(r) => `<li data-code="${esc(r.code)}" class="${esc(rule_class(r))}">
			<span data-role="status" class="kinerja-rule-status">${esc(r.status_label)}</span>
			<span>${esc(r.description)}</span>
			<span class="small text-muted" data-role="figures">${esc(rule_figures(r))}</span>
		</li>`
		)
		.join("")}</ul>
	<p class="small text-muted mt-2 mb-0">${esc(__("The final check is made per distribution group in the Predicate Calibration."))}</p>
	</div>
</section>`;
	}

	function staff_card(s, sid, data) {
		const labels = data.labels || {};
		const disabled = s.editable ? "" : " disabled";
		const fields = [
			[
				"hasil_kerja",
				s.hasil_kerja_proposed,
				s.hasil_kerja_rating,
				s.hasil_kerja_override_reason,
				__("Rating Hasil Kerja"),
			],
			[
				"perilaku",
				s.perilaku_proposed,
				s.perilaku_rating,
				s.perilaku_override_reason,
				__("Rating Perilaku Kerja"),
			],
		]
			.map(
				([field, proposed, value, reason, label]) => `<div class="form-group kinerja-rating-field" data-field="${field}" data-proposed="${esc(
					proposed || ""
				)}">
					<label for="${sid}-${field}" class="font-weight-bold mb-1">${esc(label)}</label>
					<p class="small text-muted mb-1" id="${sid}-${field}-proposed">${esc(__("Proposed by the system"))}: ${esc(
					labels[proposed] || __("(none yet)")
				)}</p>
					<select class="form-control form-control-sm" id="${sid}-${field}" name="${field}_rating" aria-describedby="${sid}-${field}-proposed"${disabled}>
						<option value="">${esc(__("Use the proposal"))}</option>
						${(data.ratings || [])
							.map(
								(r) =>
									`<option value="${esc(r.value)}"${r.value === value ? " selected" : ""}>${esc(
										r.label
									)}</option>`
							)
							.join("")}
					</select>
					<div class="kinerja-reason mt-2"${reason ? "" : " hidden"}>
						<label for="${sid}-${field}-reason" class="small font-weight-bold">${esc(__(
					"Reason for changing the proposal (required)"
				))}</label>
						<textarea class="form-control form-control-sm" id="${sid}-${field}-reason" name="${field}_override_reason" rows="2" maxlength="2000"${disabled}>${esc(
					reason
				)}</textarea>
					</div>
				</div>`
			)
			.join("");
		let closing = "";
		if (s.editable) closing = `<button type="submit" class="btn btn-primary btn-sm">${esc(__("Save Ratings"))}</button>`;
		else if (s.final) closing = `<p class="small text-muted mb-0">${esc(__("This appraisal is final."))}</p>`;
		else if (s.predikat_fixed) {
			closing = `<p class="small text-muted mb-0">${esc(__(
				"The predikat was fixed by the unit's predicate calibration."
			))}</p>`;
		}
		return `<details class="kinerja-card kinerja-staff" id="${sid}" data-name="${esc(s.name)}">
		<summary class="kinerja-card-header">
			<span class="kinerja-card-title">${esc(s.employee_name)}</span>
			<span class="kinerja-staff-summary">
				<span class="kinerja-predikat-badge" data-role="predikat-badge">${rating(
					s.predikat,
					labels[s.predikat],
					__("No predikat yet")
				)}</span>
				<span class="small text-muted" data-role="progress-text">${esc(__("{0} of {1} raters", [
					s.raters_submitted,
					s.raters_assigned,
				]))}</span>
			</span>
		</summary>
		<div class="kinerja-card-body">
			<p class="small text-muted mb-2">${esc(s.designation || "")}${
			s.nip ? ` · ${esc(__("NIP"))} ${esc(s.nip)}` : ""
		}</p>
			<h3 class="kinerja-h3">${esc(__("Rater progress"))}</h3>
			<table class="table table-sm kinerja-raters">
				<thead><tr><th scope="col">${esc(__("Rater Role"))}</th><th scope="col">${esc(__("Submitted"))}</th></tr></thead>
				<tbody>${(s.raters || [])
					.map(
						(r) =>
							`<tr><td>${esc(r.role_label)}</td><td>${esc(__("{0} of {1}", [
								r.submitted,
								r.assigned,
							]))}</td></tr>`
					)
					.join("")}</tbody>
			</table>
			${
				s.behaviour_score
					? `<p class="small">${esc(__("Weighted Behaviour Score"))}: <strong>${fixed(
							s.behaviour_score,
							2
					  )}</strong></p>`
					: ""
			}
			<form class="kinerja-evaluation" data-name="${esc(s.name)}" novalidate>
				${fields}
				<div class="form-group">
					<label for="${sid}-notes" class="font-weight-bold mb-1">${esc(__("Notes and recommendations"))}</label>
					<textarea class="form-control form-control-sm" id="${sid}-notes" name="notes" rows="2" maxlength="2000"${disabled}>${esc(
			s.notes
		)}</textarea>
				</div>
				<p class="kinerja-preview">${esc(__("Predikat (kuadran)"))}: <output id="${sid}-preview" data-role="preview" aria-live="polite">${esc(
			labels[s.predikat] || __("No predikat yet")
		)}</output></p>
				<div class="kinerja-message" data-role="message" role="status" aria-live="polite" aria-atomic="true" tabindex="-1"></div>
				${closing}
			</form>
		</div>
	</details>`;
	}

	function team_page(root, data) {
		const labels = data.labels || {};
		const kuadran = {};
		(data.kuadran || []).forEach((k) => {
			kuadran[k.hasil_kerja + "|" + k.perilaku] = k.predikat;
		});
		const cycle = data.appraisal_cycle;
		const organisation_predicate = (data.distribution || {}).organisation_predicate;

		const filter = root.querySelector("#kinerja-team-filter");
		if (filter) {
			filter.addEventListener("submit", (event) => {
				event.preventDefault();
				const query = new URLSearchParams(new FormData(filter));
				navigate("/kinerja/tim?" + query.toString());
			});
		}

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
			span.className = "kinerja-rating kinerja-rating-" + slug(predikat);
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
				item.className = rule_class(r);
				item.querySelector("[data-role=status]").textContent = r.status_label;
				item.querySelector("[data-role=figures]").textContent = rule_figures(r);
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
						API + "team.get_team",
						{ appraisal_cycle: cycle, organisation_predicate: organisation_predicate },
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

	// --- Panduan Penilaian (/kinerja/panduan) ----------------------------------------------------------------------

	function level_list(levels, required) {
		return `<ol class="kinerja-level-list">${(levels || [])
			.map((lv) => {
				const is_required = required !== undefined && lv.level === required;
				return `<li${is_required ? ' class="kinerja-required"' : ""} value="${esc(lv.level)}">
				<strong>${esc(__("Level {0}", [lv.level]))}${is_required ? ` (${esc(__("required"))})` : ""}:</strong> ${esc(
					lv.title || ""
				)}
				${lv.description ? `<div class="small">${esc(lv.description)}</div>` : ""}
				${
					lv.indicators && lv.indicators.length
						? `<details class="small"><summary>${esc(__("Behavioural Indicators"))}</summary>${lines(
								lv.indicators
						  )}</details>`
						: ""
				}
			</li>`;
			})
			.join("")}</ol>`;
	}

	function view_panduan(g) {
		if (g.message) return notice("warning", g.message);
		let profile;
		if (g.profile) {
			profile = `<p>${esc(__("Designation"))}: <strong>${esc(g.profile.designation)}</strong> · ${esc(__(
				"Job Group"
			))}: <strong>${esc(g.profile.job_group)}</strong></p>
	<p class="small text-muted">${esc(__(
		"The required level is the standard your position asks for; your raters assess the level you show. Open a competency to read what each level means."
	))}</p>
	${(g.profile.requirements || [])
		.map(
			(r) => `<details class="kinerja-competency">
		<summary><span class="font-weight-bold">${esc(r.competency)}</span> ${
				r.competency_type_label ? `<span class="badge badge-light">${esc(r.competency_type_label)}</span>` : ""
			} <span class="badge badge-primary">${esc(__("Required Level"))} ${esc(r.required_level)}</span></summary>
		${r.definition ? `<p class="small">${esc(r.definition)}</p>` : ""}
		${level_list(r.levels, r.required_level)}
	</details>`
		)
		.join("")}`;
		} else if (g.designation) {
			profile = `<p class="text-muted">${esc(__(
				"Your designation {0} has no competency profile yet. Ask the HR staff.",
				[g.designation]
			))}</p>`;
		} else {
			profile = `<p class="text-muted">${esc(__(
				"Your user account is not linked to an employee with a designation."
			))}</p>`;
		}
		const t = g.thresholds || {};
		return `<nav class="kinerja-toc" aria-label="${esc(__("On this page"))}">
	<ul>
		<li><a href="#panduan-profil">${esc(__("My position's competency profile"))}</a></li>
		<li><a href="#panduan-penilai">${esc(__("Raters, weights and anonymity"))}</a></li>
		<li><a href="#panduan-kuadran">${esc(__("From ratings to predikat"))}</a></li>
		<li><a href="#panduan-distribusi">${esc(__("Distribution in the unit (SE 3/2023)"))}</a></li>
		<li><a href="#panduan-berakhlak">${esc(__("Core Values (BerAKHLAK)"))}</a></li>
		<li><a href="#panduan-kamus">${esc(__("Competency dictionary"))}</a></li>
	</ul>
</nav>

<section aria-labelledby="panduan-profil" class="kinerja-card"><div class="kinerja-card-body">
	<h2 class="kinerja-h2" id="panduan-profil">${esc(__("My position's competency profile"))}</h2>
	${profile}
</div></section>

<section aria-labelledby="panduan-penilai" class="kinerja-card"><div class="kinerja-card-body">
	<h2 class="kinerja-h2" id="panduan-penilai">${esc(__("Raters, weights and anonymity"))}</h2>
	<p>${esc(__(
		"Your competencies and behaviour are rated by your direct supervisor, peers, subordinates and yourself. The role means are combined with these weights; the weight of a role without ratings is shared among the others."
	))}</p>
	<table class="table table-sm kinerja-narrow">
		<caption class="sr-only">${esc(__("Rater Role Weights"))}</caption>
		<thead><tr><th scope="col">${esc(__("Rater Role"))}</th><th scope="col">${esc(__("Weight"))}</th></tr></thead>
		<tbody>${(g.weights || [])
			.map((w) => `<tr><td>${esc(w.label)}</td><td>${plain(w.weight)}</td></tr>`)
			.join("")}</tbody>
	</table>
	<ul>
		<li>${esc(__("Peers assigned to each person: {0}; at least {1} peer raters are expected.", [
			g.peers_to_assign,
			g.min_peer_raters,
		]))}</li>
		<li>${esc(__(
			"Anonymity threshold: {0}. {1} are shown as a group only when at least {0} of them have sent their feedback; smaller groups are shown together as {2}, or not at all.",
			[g.anonymity_threshold, (g.anonymous_roles || []).join(" / "), g.pooled_label]
		))}</li>
		<li>${esc(__("{0} are shown as themselves. Feedback texts are shown without names.", [
			(g.always_visible_roles || []).join(" / "),
		]))}</li>
	</ul>
	<h3 class="kinerja-h3">${esc(__("Behaviour scores 1 to 5"))}</h3>
	<ul>${(g.score_guide || [])
		.map((s) => `<li><strong>${esc(s.score)}</strong> – ${esc(s.text)}</li>`)
		.join("")}</ul>
</div></section>

<section aria-labelledby="panduan-kuadran" class="kinerja-card"><div class="kinerja-card-body">
	<h2 class="kinerja-h2" id="panduan-kuadran">${esc(__("From ratings to predikat"))}</h2>
	<p>${esc(__(
		"Your Pejabat Penilai Kinerja sets two ratings; together they give the predikat kinerja (PermenPANRB 6/2022, kuadran kinerja)."
	))}</p>
	<ul class="small">
		<li>${esc(__(
			"Rating Hasil Kerja is proposed from your SKP results: a result above {0}% of its target is above expectation, below {1}% is below expectation.",
			[plain(t.hasil_above), plain(t.hasil_below)]
		))}</li>
		<li>${esc(__(
			"Rating Perilaku Kerja is proposed from the weighted behaviour score: from {0} above expectation, under {1} below expectation.",
			[plain(t.perilaku_above), plain(t.perilaku_below)]
		))}</li>
		<li>${esc(__("The Pejabat Penilai Kinerja may choose another rating, with a reason that is kept."))}</li>
	</ul>
	<div class="table-responsive">
	<table class="table table-bordered table-sm kinerja-kuadran">
		<caption>${esc(__("Rows: Rating Hasil Kerja. Columns: Rating Perilaku Kerja."))}</caption>
		<thead><tr><td></td>${(g.ratings || [])
			.map((r) => `<th scope="col">${esc(r.label)}</th>`)
			.join("")}</tr></thead>
		<tbody>${(g.kuadran || [])
			.map(
				(row) =>
					`<tr><th scope="row">${esc(row.hasil_kerja_label)}</th>${(row.cells || [])
						.map((c) => `<td>${rating(c.predikat, c.label, "")}</td>`)
						.join("")}</tr>`
			)
			.join("")}</tbody>
	</table>
	</div>
</div></section>

<section aria-labelledby="panduan-distribusi" class="kinerja-card"><div class="kinerja-card-body">
	<h2 class="kinerja-h2" id="panduan-distribusi">${esc(__("Distribution in the unit (SE 3/2023)"))}</h2>
	<p>${esc(__(
		"How many employees of a unit may or must get each predikat depends on the unit's Capaian Kinerja Organisasi (SE MenPANRB 3/2023). HR checks it in the Predicate Calibration."
	))}</p>
	<table class="table table-sm kinerja-stack">
		<thead><tr><th scope="col">${esc(__("Capaian Kinerja Organisasi"))}</th><th scope="col">${esc(__(
			"Pattern"
		))}</th></tr></thead>
		<tbody>${(g.distribution_rules || [])
			.map(
				(d) =>
					`<tr><th scope="row" data-label="${esc(__("Capaian Kinerja Organisasi"))}">${esc(
						d.label
					)}</th><td data-label="${esc(__("Pattern"))}"><ul class="mb-0 pl-3">${(d.rules || [])
						.map((r) => `<li>${esc(r)}</li>`)
						.join("")}</ul></td></tr>`
			)
			.join("")}</tbody>
	</table>
</div></section>

<section aria-labelledby="panduan-berakhlak" class="kinerja-card"><div class="kinerja-card-body">
	<h2 class="kinerja-h2" id="panduan-berakhlak">${esc(__("Core Values (BerAKHLAK)"))}</h2>
	${(g.core_values || [])
		.map(
			(v) => `<div class="kinerja-core-value">
		<h3 class="kinerja-h3 mb-1">${esc(v.core_value)}</h3>
		${v.meaning ? `<p class="small mb-1"><em>${esc(v.meaning)}</em></p>` : ""}
		${lines(v.guides)}
	</div>`
		)
		.join("")}
</div></section>

<section aria-labelledby="panduan-kamus" class="kinerja-card"><div class="kinerja-card-body">
	<h2 class="kinerja-h2" id="panduan-kamus">${esc(__("Competency dictionary"))}</h2>
	<p class="small text-muted">${esc(__(
		"PermenPANRB 38/2017: managerial and socio-cultural competencies with levels 1 to 5, and the technical competencies of the agency."
	))}</p>
	${(g.dictionary || [])
		.map(
			(group) =>
				`<h3 class="kinerja-h3">${esc(group.label)}</h3>${(group.competencies || [])
					.map(
						(c) => `<details class="kinerja-competency">
		<summary><span class="font-weight-bold">${esc(c.competency)}</span>${
							c.bidang ? ` <span class="badge badge-light">${esc(c.bidang)}</span>` : ""
						}</summary>
		${c.definition ? `<p class="small">${esc(c.definition)}</p>` : ""}
		${level_list(c.levels)}
	</details>`
					)
					.join("")}`
		)
		.join("")}
</div></section>`;
	}

	// --- the views and the client-side navigation ------------------------------------------------------------------

	// each view: its endpoint (GET, with the arguments taken from the URL), how it is shown and what it binds
	const VIEWS = {
		saya: { method: "appraisals.get_my_appraisals", show: view_saya },
		tugas: { method: "tasks.get_my_tasks", show: view_tugas },
		task: {
			method: "tasks.get_task",
			args: (route) => ({ name: route.task }),
			show: view_form,
			bind: (root) => {
				const form = root.querySelector("#kinerja-feedback-form");
				if (form && form.dataset.editable === "1") feedback_form(form);
			},
		},
		tim: {
			method: "team.get_team",
			args: (route) => ({
				appraisal_cycle: route.params.get("cycle"),
				organisation_predicate: route.params.get("organisation_predicate"),
			}),
			show: view_tim,
			bind: (root, data) => data.is_supervisor && team_page(root, data),
		},
		panduan: { method: "guide.get_guide", show: view_panduan },
	};

	function route_of(url) {
		// the view of a portal URL (as kinerja_asn.api.portal.common.view_of), or null
		const parts = url.pathname.split("/").filter(Boolean);
		if (parts[0] !== "kinerja") return null;
		const rest = parts.slice(1);
		const params = url.searchParams;
		let view = null;
		let task = null;
		if (!rest.length) view = "saya";
		else if (rest[0] === "tugas" && rest.length <= 2) {
			task = rest.length === 2 ? decodeURIComponent(rest[1]) : params.get("name");
			view = task ? "task" : "tugas";
		} else if ((rest[0] === "tim" || rest[0] === "panduan") && rest.length === 1) view = rest[0];
		return view ? { view, task, params } : null;
	}

	function set_chrome(view) {
		const info = (config.views || {})[view] || {};
		const title = info.title || "";
		const heading = document.getElementById("kinerja-title");
		if (heading) heading.textContent = title;
		document.title = title;
		const crumbs = document.getElementById("kinerja-breadcrumbs");
		if (crumbs && info.parent) {
			crumbs.innerHTML = `<div class="breadcrumb-container container">
	<nav aria-label="breadcrumb">
		<ol class="breadcrumb" itemscope itemtype="http://schema.org/BreadcrumbList">
			<li itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem" class="breadcrumb-item">
				<a itemprop="item" href="${esc(info.parent.route)}"><span itemprop="name">${esc(
				info.parent.title
			)}</span><meta itemprop="position" content="1" /></a>
			</li>
			<li itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem" class="breadcrumb-item active" aria-current="page">
				<span itemprop="item"><span itemprop="name">${esc(title)}</span><meta itemprop="position" content="2"/></span>
			</li>
		</ol>
	</nav>
</div>`;
		}
		const active = view === "task" ? "tugas" : view;
		document.querySelectorAll(".kinerja-nav a[data-nav]").forEach((link) => {
			const current = link.dataset.nav === active;
			link.classList.toggle("active", current);
			if (current) link.setAttribute("aria-current", "page");
			else link.removeAttribute("aria-current");
		});
		const app = document.getElementById("kinerja-app");
		if (app) app.dataset.view = view;
	}

	let shown = 0; // the latest navigation: an older answer arriving late is dropped

	function show(url, first) {
		const route = route_of(url);
		const root = document.getElementById("kinerja-view");
		if (!root) return;
		if (!route) {
			window.location.assign(url.href); // not a portal view: let the server answer
			return;
		}
		const view = VIEWS[route.view];
		const ticket = ++shown;
		set_chrome(route.view);
		root.setAttribute("aria-busy", "true");
		kinerja
			.call(API + view.method, view.args ? view.args(route) : {}, "GET")
			.then((data) => {
				if (ticket !== shown) return;
				root.innerHTML = view.show(data, route.params);
				if (view.bind) view.bind(root, data);
				return true;
			})
			.catch((error) => {
				if (ticket !== shown) return;
				root.innerHTML = `<div class="alert alert-danger" role="alert">${esc(error.message)}</div>`;
				return true;
			})
			.then((done) => {
				if (!done) return;
				root.setAttribute("aria-busy", "false");
				const sent = document.getElementById("kinerja-sent-alert");
				const scroll = (window.history.state || {}).kinerja_scroll;
				if (sent) sent.focus();
				else if (typeof scroll === "number") {
					window.scrollTo(0, scroll); // reload or back: where the person was
				} else if (url.hash && document.getElementById(url.hash.slice(1))) {
					document.getElementById(url.hash.slice(1)).scrollIntoView();
				} else if (!first) {
					window.scrollTo(0, 0);
				}
				if (!first && !sent) {
					const heading = document.getElementById("kinerja-title");
					if (heading) heading.focus({ preventScroll: true });
				}
			});
	}

	function remember_scroll() {
		// the view is drawn after its data arrives, too late for the browser's own scroll restoration
		const state = Object.assign({}, window.history.state, { kinerja_scroll: window.scrollY });
		window.history.replaceState(state, "");
	}

	function navigate(href) {
		const url = new URL(href, window.location.href);
		remember_scroll();
		window.history.pushState({ kinerja: true }, "", url.pathname + url.search + url.hash);
		show(url, false);
	}
	kinerja.navigate = navigate;

	function on_click(event) {
		if (event.defaultPrevented || event.button !== 0) return;
		if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
		const link = event.target.closest("a[href]");
		if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
		const url = new URL(link.href, window.location.href);
		if (url.origin !== window.location.origin || !route_of(url)) return;
		const here = window.location;
		if (url.pathname === here.pathname && url.search === here.search && url.hash) return; // in-page anchor
		event.preventDefault();
		navigate(url.href);
	}

	function init() {
		if (!document.getElementById("kinerja-view")) return;
		if ("scrollRestoration" in window.history) window.history.scrollRestoration = "manual";
		let pending = 0;
		window.addEventListener("scroll", () => {
			// kept while reading (a reload may not let the page write it while it unloads)
			window.clearTimeout(pending);
			pending = window.setTimeout(remember_scroll, 150);
		});
		window.addEventListener("pagehide", remember_scroll);
		document.addEventListener("click", on_click);
		window.addEventListener("popstate", () => show(new URL(window.location.href), false));
		show(new URL(window.location.href), true);
	}

	if (document.readyState === "loading") {
		document.addEventListener("DOMContentLoaded", init);
	} else {
		init();
	}
})();
