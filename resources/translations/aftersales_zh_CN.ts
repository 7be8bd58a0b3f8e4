<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="191"/>
        <source>Your role can look at requests but not decide them.</source>
        <translation>你的角色只能查看售后，不能处理。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="192"/>
        <source>Sign in to decide requests.</source>
        <translation>请先登录再处理售后。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="194"/>
        <source>A decision on this request is waiting to be sent.</source>
        <translation>这条售后已处理，正等待提交给平台。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="196"/>
        <source>Enter: suggested decision · A: approve · R: refuse · Space: select</source>
        <translation>回车：按建议处理 · A：同意 · R：拒绝 · 空格：勾选</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="201"/>
        <source>Approve… (A)</source>
        <translation>同意…（A）</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="202"/>
        <source>Refuse… (R)</source>
        <translation>拒绝…（R）</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="203"/>
        <source>Approve {count} selected…</source>
        <translation>批量同意所选 {count} 条…</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="120"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="121"/>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="122"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="123"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="124"/>
        <source>Password &amp;again:</source>
        <translation>再输一次密码(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="149"/>
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
</context>
<context>
    <name>ApproveRefundDialog</name>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="151"/>
        <source>Approve refund</source>
        <translation>同意退款</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="156"/>
        <source>Refund {amount} to the buyer? The money leaves the shop once the platform has it.</source>
        <translation>确定退款 {amount} 给买家？平台收到后款项即从店铺退出。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="160"/>
        <source>Approve refund {amount}</source>
        <translation>同意退款 {amount}</translation>
    </message>
</context>
<context>
    <name>ApproveReturnDialog</name>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="176"/>
        <source>&amp;Return address:</source>
        <translation>退货地址(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="180"/>
        <source>Choose where the buyer sends the goods.</source>
        <translation>请选择买家寄回商品的地址。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="187"/>
        <location filename="../../app/views/refund_dialogs.py" line="193"/>
        <source>Agree to the return</source>
        <translation>同意退货</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="191"/>
        <source>The buyer sends the goods back to this address; you inspect them when they arrive.</source>
        <translation>买家将商品寄回此地址，到货后再验货。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="149"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="150"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="151"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="152"/>
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="153"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="154"/>
        <source>Before → after</source>
        <translation>修改前 → 修改后</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="155"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="184"/>
        <source>the system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="184"/>
        <source>nobody signed in</source>
        <translation>（未登录）</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="210"/>
        <source>About event #{id}</source>
        <translation>关于记录 #{id}</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="211"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="211"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../app/views/audit_view.py" line="177"/>
        <source>Audit log</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="230"/>
        <source>Export the audit log</source>
        <translation>导出操作记录</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="230"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="237"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="277"/>
        <source>The audit log could not be read: {error}</source>
        <translation>无法读取操作记录：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="282"/>
        <source>{count} events written to {file}</source>
        <translation>已将 {count} 条记录写入 {file}</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="287"/>
        <source>The file could not be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="292"/>
        <source>1 event</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="292"/>
        <source>{count} events</source>
        <translation>{count} 条记录</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="294"/>
        <source>the newest {count} events; narrow the filters to see older ones</source>
        <translation>最新的 {count} 条记录；缩小筛选范围可查看更早的记录</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="310"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="311"/>
        <source>All actions</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="314"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="315"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="316"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="317"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_view.py" line="318"/>
        <source>Choose an event to see everything it changed.</source>
        <translation>选择一条记录，查看它改动的全部内容。</translation>
    </message>
</context>
<context>
    <name>BulkApproveDialog</name>
    <message>
        <location filename="../../app/views/refund_bulk_dialog.py" line="97"/>
        <source>Approve refunds</source>
        <translation>批量同意退款</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_bulk_dialog.py" line="107"/>
        <source>Approve {count} refunds, {total} in all? Nothing is sent until you confirm.</source>
        <translation>同意 {count} 笔退款，共 {total}？确认前不会提交任何操作。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_bulk_dialog.py" line="110"/>
        <source>None of the selected requests can be approved as a refund.</source>
        <translation>所选售后都不能按退款直接同意。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_bulk_dialog.py" line="112"/>
        <source>Skipped ({count}):</source>
        <translation>跳过（{count} 条）：</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_bulk_dialog.py" line="119"/>
        <source>Approve {count} refunds</source>
        <translation>同意 {count} 笔退款</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_bulk_dialog.py" line="126"/>
        <source>{approved} refunds approved; they are sent to the platform now.</source>
        <translation>已同意 {approved} 笔退款，正在提交给平台。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_bulk_dialog.py" line="131"/>
        <source>Not approved ({count}):</source>
        <translation>未能同意（{count} 条）：</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="264"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="272"/>
        <source>Role of {name}</source>
        <translation>{name} 的角色</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="61"/>
        <source>{kind} {id} · {product} · refund {amount}</source>
        <translation>{kind} {id} · {product} · 退款 {amount}</translation>
    </message>
</context>
<context>
    <name>DecisionFlow</name>
    <message>
        <location filename="../../app/views/refund_decision_flow.py" line="111"/>
        <location filename="../../app/views/refund_decision_flow.py" line="113"/>
        <source>Confirm receipt</source>
        <translation>确认收货</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_decision_flow.py" line="112"/>
        <source>The exchanged goods arrived in order; send the replacement.</source>
        <translation>换货退回的商品已收到且完好，将发出新商品。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_decision_flow.py" line="117"/>
        <location filename="../../app/views/refund_decision_flow.py" line="119"/>
        <source>Agree to resend</source>
        <translation>同意补寄</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_decision_flow.py" line="118"/>
        <source>Send the missing or damaged items again.</source>
        <translation>重新寄出缺少或损坏的商品。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_decision_flow.py" line="183"/>
        <location filename="../../app/views/refund_decision_flow.py" line="199"/>
        <source>Sign in to decide requests.</source>
        <translation>请先登录再处理售后。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="126"/>
        <source>Search request, order, product or reason  (Ctrl+F)</source>
        <translation>搜索售后单号、订单号、商品或原因（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="127"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="130"/>
        <source>All waiting</source>
        <translation>全部待处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="130"/>
        <source>To review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="130"/>
        <source>Returned, to inspect</source>
        <translation>已退回，待验货</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="132"/>
        <source>Any deadline</source>
        <translation>全部时限</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="132"/>
        <source>Due within 1 h</source>
        <translation>1 小时内到期</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="132"/>
        <source>Due within 6 h</source>
        <translation>6 小时内到期</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="133"/>
        <source>Due within 24 h</source>
        <translation>24 小时内到期</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="133"/>
        <source>Deadline passed</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="142"/>
        <source>Min ¥</source>
        <translation>最低 ¥</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="143"/>
        <source>Max ¥</source>
        <translation>最高 ¥</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="204"/>
        <source>Connected to {shop}</source>
        <translation>已连接到「{shop}」</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="207"/>
        <source>The test failed.</source>
        <translation>测试没有通过。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="212"/>
        <source>The test could not run: {error}</source>
        <translation>测试无法进行：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="228"/>
        <source>Change the shop</source>
        <translation>更换店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="230"/>
        <source>Welcome to AfterSales Desk</source>
        <translation>欢迎使用售后工作台</translation>
    </message>
</context>
<context>
    <name>InspectDialog</name>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="355"/>
        <source>The goods arrived:</source>
        <translation>到货情况：</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="360"/>
        <source>Inspection note:</source>
        <translation>验货备注：</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="372"/>
        <source>Then:</source>
        <translation>然后：</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="399"/>
        <source>Refuse the returned goods</source>
        <translation>拒绝退货商品</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="401"/>
        <source>Refund {amount}</source>
        <translation>退款 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="405"/>
        <source>Inspect returned goods</source>
        <translation>退货验货</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="408"/>
        <source>Good — as sent</source>
        <translation>完好——与发出时一致</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="409"/>
        <source>Damaged</source>
        <translation>有损坏</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="410"/>
        <source>Missing parts</source>
        <translation>缺少配件</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="414"/>
        <source>Refund the buyer</source>
        <translation>退款给买家</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="415"/>
        <source>Refuse, with a reason</source>
        <translation>拒绝，并说明原因</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/views/login_dialog.py" line="140"/>
        <source>The list of people could not be read: {error}</source>
        <translation>无法读取人员列表：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="154"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="176"/>
        <source>Signing in did not work: {error}</source>
        <translation>登录失败：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="190"/>
        <source>{words} Try again in {seconds} s.</source>
        <translation>{words}请在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="208"/>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="208"/>
        <location filename="../../app/views/login_dialog.py" line="221"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="210"/>
        <source>Who is at the computer now?</source>
        <translation>现在是谁在用这台电脑？</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="212"/>
        <source>Sign in to AfterSales Desk</source>
        <translation>登录售后工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="214"/>
        <source>&amp;Who are you:</source>
        <translation>你是谁(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="215"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="216"/>
        <source>your name or user name</source>
        <translation>你的名字或用户名</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="217"/>
        <source>Stay signed in on this computer</source>
        <translation>在这台电脑上保持登录</translation>
    </message>
    <message>
        <location filename="../../app/views/login_dialog.py" line="219"/>
        <source>Only for a shop run by one person: the desk then opens without asking.</source>
        <translation>仅适合一个人经营的店铺：之后打开工作台时不再询问密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="245"/>
        <source>{count} waiting to be sent</source>
        <translation>{count} 条待提交</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="248"/>
        <source>Decisions made here that the platform has not confirmed yet; they are kept until it does.</source>
        <translation>在本机做出、平台尚未确认的处理结果；平台确认前会一直保留。</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="317"/>
        <source>AfterSales Desk</source>
        <translation>售后工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="318"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="319"/>
        <source>Language and other choices for this computer (Ctrl+,)</source>
        <translation>本机的语言等设置（Ctrl+,）</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="320"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="321"/>
        <source>Sign out and let someone else sign in (Ctrl+Shift+L)</source>
        <translation>退出登录，让其他人登录（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="324"/>
        <source>{name}
{role}</source>
        <translation>{name}
{role}</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="384"/>
        <source>Decisions not sent yet</source>
        <translation>处理结果尚未提交</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="387"/>
        <source>1 decision has not reached the platform yet. It is kept and will be sent next time. Quit anyway?</source>
        <translation>有 1 条处理结果还没提交到平台。它会被保留，下次打开时自动提交。仍要退出吗？</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="392"/>
        <source>{count} decisions have not reached the platform yet. They are kept and will be sent next time. Quit anyway?</source>
        <translation>有 {count} 条处理结果还没提交到平台。它们会被保留，下次打开时自动提交。仍要退出吗？</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="396"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="397"/>
        <source>Stay</source>
        <translation>留下</translation>
    </message>
</context>
<context>
    <name>NeedsAttentionView</name>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="43"/>
        <source>Approve the refund</source>
        <translation>同意退款</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="44"/>
        <source>Refuse the refund</source>
        <translation>拒绝退款</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="45"/>
        <source>Agree to the return</source>
        <translation>同意退货</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="46"/>
        <source>Refuse the return</source>
        <translation>拒绝退货</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="47"/>
        <source>Refund after inspection</source>
        <translation>验货后退款</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="48"/>
        <source>Refuse the returned goods</source>
        <translation>拒绝退货商品</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="49"/>
        <source>Agree to the exchange or resend</source>
        <translation>同意换货或补寄</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="50"/>
        <source>Confirm the exchanged goods arrived</source>
        <translation>确认换货商品已收到</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="147"/>
        <source>Needs attention ({count})</source>
        <translation>待处理异常（{count}）</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="148"/>
        <source>Needs attention</source>
        <translation>待处理异常</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="188"/>
        <source>{decision}
made {time}</source>
        <translation>{decision}
处理于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="199"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="200"/>
        <source>refused</source>
        <translation>平台拒绝</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="200"/>
        <source>the request had changed</source>
        <translation>售后单已变化</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="202"/>
        <source>The platform said: {words}</source>
        <translation>平台提示：{words}</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="244"/>
        <source>The platform did not take these decisions. Look at what it says, then discard the decision or apply it again to the request as it is now.</source>
        <translation>平台没有接受以下处理结果。请先看平台的说明，再决定放弃这条处理，或按售后单的最新状态重新提交。</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="249"/>
        <source>Request</source>
        <translation>售后单</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="249"/>
        <source>Your decision</source>
        <translation>你的处理</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="249"/>
        <source>Platform now</source>
        <translation>平台当前状态</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="249"/>
        <source>What happened</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="251"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="252"/>
        <source>Apply again</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="254"/>
        <source>Drop this decision; the request stays as the platform has it.</source>
        <translation>放弃这条处理，售后单保持平台上的状态。</translation>
    </message>
    <message>
        <location filename="../../app/views/needs_attention_view.py" line="257"/>
        <source>Send the same decision again, based on the request as it is now.</source>
        <translation>按售后单的最新版本，再次提交同样的处理。</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="102"/>
        <source>Select an order to see its items, parcels and after-sales.</source>
        <translation>选择一个订单，查看商品、包裹和售后。</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="112"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="113"/>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="115"/>
        <source>Parcels</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="116"/>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="123"/>
        <source>Created {time}</source>
        <translation>下单于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="129"/>
        <source>platform promise</source>
        <translation>平台承诺时间</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="131"/>
        <source>default promise, rule set {rule_set}</source>
        <translation>默认承诺时效，规则 {rule_set}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="135"/>
        <source>Ship by</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="138"/>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="140"/>
        <source>Shipped at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="141"/>
        <source>goods {goods}, shipping {shipping}</source>
        <translation>商品 {goods}，运费 {shipping}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="145"/>
        <source>Amount</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="161"/>
        <source>After-sale: {status}</source>
        <translation>售后：{status}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="180"/>
        <source>Buyer:</source>
        <translation>买家留言：</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="186"/>
        <source>Seller:</source>
        <translation>商家备注：</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="188"/>
        <source>Notes</source>
        <translation>留言备注</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="192"/>
        <source>Not shipped yet.</source>
        <translation>尚未发货。</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="195"/>
        <source>Carrier</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="204"/>
        <source>No after-sale requests.</source>
        <translation>没有售后申请。</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="207"/>
        <source>Applied {time}: {reason}</source>
        <translation>{time} 申请：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_detail_pane.py" line="212"/>
        <source>Reply by {time}</source>
        <translation>请在 {time} 前处理</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../app/views/order_table_model.py" line="164"/>
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="165"/>
        <source>Created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="166"/>
        <source>Status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="167"/>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="168"/>
        <source>Ship by</source>
        <translation>发货剩余</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="169"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="170"/>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="177"/>
        <source>Status {code}</source>
        <translation>状态 {code}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="248"/>
        <source>Ship by {time}</source>
        <translation>发货截止 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="250"/>
        <source>No promise from the platform: default promise after payment</source>
        <translation>平台未给出承诺时间：按支付后的默认承诺时效计算</translation>
    </message>
    <message>
        <location filename="../../app/views/order_table_model.py" line="257"/>
        <source>The buyer left a note</source>
        <translation>买家有留言</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../app/views/orders_view.py" line="158"/>
        <source>Loading orders…</source>
        <translation>正在加载订单…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="186"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="275"/>
        <source>Search order number, item, receiver or buyer&apos;s note  (Ctrl+F)</source>
        <translation>搜索订单号、商品、收货人或买家留言（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="277"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="277"/>
        <source>To ship</source>
        <translation>待发货（全部）</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="282"/>
        <source>Show all orders</source>
        <translation>显示全部订单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="316"/>
        <source>The selected order is not in this list any more.</source>
        <translation>所选订单已不在当前列表中。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="343"/>
        <source>This order is no longer in the local copy.</source>
        <translation>本地数据中已没有这个订单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="368"/>
        <source>Showing {shown} of {total}</source>
        <translation>显示 {shown} / 共 {total} 单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="372"/>
        <source>1 order</source>
        <translation>共 1 单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="372"/>
        <source>{count} orders</source>
        <translation>共 {count} 单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="382"/>
        <location filename="../../app/views/orders_view.py" line="383"/>
        <source>No orders yet — the first sync is running.</source>
        <translation>还没有订单 —— 正在进行首次同步。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="385"/>
        <source>No orders yet — the shop can&apos;t be reached right now; sync will retry on its own.</source>
        <translation>还没有订单 —— 暂时连不上店铺，稍后会自动重试同步。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="388"/>
        <source>No orders yet — sync needs attention (see the status bar).</source>
        <translation>还没有订单 —— 同步需要处理（见底部状态栏）。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="392"/>
        <source>No orders yet. New orders appear here as soon as they are synced.</source>
        <translation>还没有订单。新订单同步后会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="398"/>
        <source>No “{status}” orders match “{search}”.</source>
        <translation>没有符合“{search}”的“{status}”订单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="402"/>
        <source>No orders match “{search}”.</source>
        <translation>没有符合“{search}”的订单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders_view.py" line="404"/>
        <source>No orders are “{status}” right now.</source>
        <translation>目前没有“{status}”的订单。</translation>
    </message>
</context>
<context>
    <name>OwnerPage</name>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="101"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一样。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="118"/>
        <source>Your owner account</source>
        <translation>你的店主账号</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="120"/>
        <source>The owner can do everything, including adding the other people of the shop.</source>
        <translation>店主可以做所有事情，包括添加店里的其他人员。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="125"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="126"/>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="127"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="128"/>
        <source>Password &amp;again:</source>
        <translation>再输一次密码(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="133"/>
        <source>for signing in, e.g. xiaolin</source>
        <translation>登录时使用，例如 xiaolin</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="134"/>
        <source>shown to colleagues, e.g. 小林</source>
        <translation>同事看到的名字，例如 小林</translation>
    </message>
</context>
<context>
    <name>RefundDetailPane</name>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="145"/>
        <source>Select a request to see the order, the buyer&apos;s evidence and its history.</source>
        <translation>选择一条售后，查看订单、买家凭证和处理记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="160"/>
        <source>The buyer says</source>
        <translation>买家说明</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="161"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="162"/>
        <source>Shipping and return</source>
        <translation>发货与退货物流</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="163"/>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="171"/>
        <source>expired — probably decided by the platform</source>
        <translation>已超时——平台可能已自动同意</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="177"/>
        <source>reply by {time}</source>
        <translation>须在 {time} 前处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="179"/>
        <source>Refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="181"/>
        <source>Reply within</source>
        <translation>剩余处理时间</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="185"/>
        <source>Rule</source>
        <translation>适用规则</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="187"/>
        <source>Suggestion</source>
        <translation>处理建议</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="193"/>
        <source>pending — waiting to be sent to the platform</source>
        <translation>待提交——等待发送给平台</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="204"/>
        <source>Note on the order: {words}</source>
        <translation>订单留言：{words}</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="234"/>
        <location filename="../../app/views/refund_detail_pane.py" line="243"/>
        <source>Carrier</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="241"/>
        <source>Sent</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="241"/>
        <source>Not shipped yet.</source>
        <translation>尚未发货。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="246"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="256"/>
        <source>The buyer applied for {kind}</source>
        <translation>买家申请{kind}</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="262"/>
        <source>{who}: {action}</source>
        <translation>{who}：{action}</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="265"/>
        <source>Sent to the platform: {state}</source>
        <translation>提交平台：{state}</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="267"/>
        <source>the platform said: {words}</source>
        <translation>平台提示：{words}</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="285"/>
        <source>approved the refund</source>
        <translation>同意退款</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="286"/>
        <source>refused the refund</source>
        <translation>拒绝退款</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="287"/>
        <source>agreed to the return</source>
        <translation>同意退货</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="288"/>
        <source>refused the return</source>
        <translation>拒绝退货</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="289"/>
        <source>inspected the returned goods</source>
        <translation>完成退货验货</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="290"/>
        <source>agreed to the exchange</source>
        <translation>同意换货</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="291"/>
        <source>discarded a decision</source>
        <translation>放弃了一条处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="292"/>
        <source>applied a decision again</source>
        <translation>重新提交了处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="300"/>
        <source>waiting to be sent</source>
        <translation>待提交</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="301"/>
        <source>sending</source>
        <translation>提交中</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="302"/>
        <source>done</source>
        <translation>平台已确认</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="303"/>
        <source>refused by the platform</source>
        <translation>平台拒绝</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="304"/>
        <source>the request had changed</source>
        <translation>售后单已变化</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_detail_pane.py" line="305"/>
        <source>discarded</source>
        <translation>已放弃</translation>
    </message>
</context>
<context>
    <name>RefundLimitFields</name>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="169"/>
        <source>Refund limit, &amp;one refund (¥):</source>
        <translation>单笔退款上限(&amp;O)（¥）：</translation>
    </message>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="170"/>
        <source>Refund limit, &amp;per day (¥):</source>
        <translation>每日退款上限(&amp;P)（¥）：</translation>
    </message>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="190"/>
        <source>“{text}” is not an amount in yuan. Write it like 200 or 49.90.</source>
        <translation>“{text}”不是以元为单位的金额。请写成 200 或 49.90 这样。</translation>
    </message>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="196"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="201"/>
        <source>Customer service decides refunds up to these amounts; leave them empty and every refund waits for the owner.</source>
        <translation>客服可以自行处理不超过这些金额的退款；留空则所有退款都由店主处理。</translation>
    </message>
</context>
<context>
    <name>RefundLimitsDialog</name>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="228"/>
        <source>Refund limits for {name}</source>
        <translation>{name} 的退款上限</translation>
    </message>
</context>
<context>
    <name>RefundQueueModel</name>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="165"/>
        <source>Reply within</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="166"/>
        <source>Sent</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="167"/>
        <source>Type</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="168"/>
        <source>Reason</source>
        <translation>售后原因</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="169"/>
        <source>Refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="171"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="172"/>
        <source>Order</source>
        <translation>订单与物流</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="173"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="174"/>
        <source>Rule</source>
        <translation>适用规则</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="170"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="177"/>
        <source>expired — probably decided by the platform</source>
        <translation>已超时——平台可能已自动同意</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="178"/>
        <source>pending</source>
        <translation>待提交</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="179"/>
        <source>needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="180"/>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="181"/>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="182"/>
        <source>Inspect</source>
        <translation>验货</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="183"/>
        <source>Review</source>
        <translation>人工审核</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="184"/>
        <source>window open</source>
        <translation>在时限内</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="185"/>
        <source>window closed</source>
        <translation>已过时限</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="186"/>
        <source>not shipped</source>
        <translation>未发货</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="187"/>
        <source>tracking uploaded</source>
        <translation>已上传单号</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="188"/>
        <source>first request</source>
        <translation>首次申请</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="232"/>
        <source>This column does not sort</source>
        <translation>此列不能排序</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="210"/>
        <location filename="../../app/views/refund_queue_model.py" line="286"/>
        <source>{count} requests in 90 days</source>
        <translation>90 天内 {count} 次售后</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="297"/>
        <source>return {tracking}</source>
        <translation>退货 {tracking}</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="306"/>
        <source>evidence: {tier}</source>
        <translation>凭证：{tier}</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="329"/>
        <source>Reply by {time}</source>
        <translation>须在 {time} 前处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="332"/>
        <source>The deadline passed while this copy still shows the request open; the platform has probably agreed on the shop&apos;s behalf. Sync to be sure.</source>
        <translation>处理时限已过，但本机仍显示待处理；平台很可能已代商家自动同意。请同步确认。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="339"/>
        <source>Rule set: {name}</source>
        <translation>规则版本：{name}</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="343"/>
        <source>A decision made here is waiting to be sent to the platform.</source>
        <translation>本机的处理结果正等待提交给平台。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_model.py" line="345"/>
        <source>The platform did not take a decision on this request; see Needs attention.</source>
        <translation>平台没有接受这条售后的处理结果，请到“待处理异常”查看。</translation>
    </message>
</context>
<context>
    <name>RefundQueueView</name>
    <message>
        <location filename="../../app/views/refund_queue_view.py" line="170"/>
        <source>Refunds</source>
        <translation>售后审核</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_view.py" line="315"/>
        <source>The selected request is not in this list any more.</source>
        <translation>选中的售后已不在列表中。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_view.py" line="351"/>
        <source>This request is no longer in the local copy.</source>
        <translation>本机数据中已没有这条售后。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_view.py" line="394"/>
        <source>Offline — decisions are saved and will be sent when the connection returns.</source>
        <translation>网络已断开——处理结果已保存，恢复连接后会自动提交给平台。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_view.py" line="396"/>
        <source>{count} waiting to be sent.</source>
        <translation>{count} 条待提交。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_view.py" line="406"/>
        <source>Nothing waits for a decision. New requests appear here as they sync.</source>
        <translation>暂无待处理售后。新的售后同步后会出现在这里。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_view.py" line="409"/>
        <source>No requests match these filters.</source>
        <translation>没有符合筛选条件的售后。</translation>
    </message>
</context>
<context>
    <name>RefusalFields</name>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="257"/>
        <source>Evidence images</source>
        <translation>凭证图片</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="257"/>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="264"/>
        <source>The platform&apos;s refusal reasons have not been fetched yet; connect once first.</source>
        <translation>还没有获取平台的拒绝原因列表，请先联网同步一次。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="266"/>
        <source>Write a remark for the buyer explaining the refusal.</source>
        <translation>请填写给买家的拒绝说明。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="268"/>
        <source>This reason needs evidence images. Add at least one.</source>
        <translation>该拒绝原因需要上传凭证图片，请至少添加一张。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="288"/>
        <source>This reason needs at least one picture.</source>
        <translation>该原因至少需要一张凭证图片。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="290"/>
        <source>Pictures are optional.</source>
        <translation>凭证图片可选。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="294"/>
        <source>Reason:</source>
        <translation>拒绝原因：</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="295"/>
        <source>Remark to the buyer:</source>
        <translation>给买家的说明：</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="296"/>
        <source>Evidence:</source>
        <translation>凭证：</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="297"/>
        <source>Add images…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="298"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="328"/>
        <source>Refuse request</source>
        <translation>拒绝售后</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="332"/>
        <source>The buyer sees the reason and your remark and may take it to the platform.</source>
        <translation>买家会看到拒绝原因和你的说明，并可能申请平台介入。</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_dialogs.py" line="334"/>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="239"/>
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="240"/>
        <source>Password &amp;again:</source>
        <translation>再输一次密码(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="251"/>
        <source>New password for {name}</source>
        <translation>为 {name} 设置新密码</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="82"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="83"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="84"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="85"/>
        <source>The new language applies at once and is remembered.</source>
        <translation>新的语言立即生效，并会记住。</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="86"/>
        <source>Shop:</source>
        <translation>店铺：</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="87"/>
        <source>Change shop…</source>
        <translation>更换店铺…</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="90"/>
        <source>The demo shop on this computer</source>
        <translation>本机的演示店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="92"/>
        <source>Shop {shop_id}</source>
        <translation>店铺 {shop_id}</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="239"/>
        <source>Enter the app key from the 抖店 open platform.</source>
        <translation>请填写抖店开放平台上的 App Key。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="241"/>
        <source>The app key is a number (digits only); copy it again from the open platform.</source>
        <translation>App Key 只由数字组成，请从开放平台重新复制。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="243"/>
        <source>Enter the app secret.</source>
        <translation>请填写 App Secret。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="245"/>
        <source>The app secret has no spaces; copy it again from the open platform.</source>
        <translation>App Secret 里没有空格，请从开放平台重新复制。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="247"/>
        <source>Enter the shop id.</source>
        <translation>请填写店铺 ID。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="249"/>
        <source>The shop id is a number (digits only).</source>
        <translation>店铺 ID 只由数字组成。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="267"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="274"/>
        <source>The platform said: {words}</source>
        <translation>平台的原话：{words}</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="307"/>
        <source>Your shop</source>
        <translation>你的店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="308"/>
        <source>Start with the demo shop to look around, or connect your 抖店 shop now.</source>
        <translation>可以先用演示店铺熟悉一下，也可以现在就连接你的抖店店铺。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="309"/>
        <source>Try with the demo shop (recommended for a first look)</source>
        <translation>先用演示店铺试试（第一次使用推荐）</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="310"/>
        <source>Connect my shop</source>
        <translation>连接我的店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="313"/>
        <source>App &amp;key:</source>
        <translation>App &amp;Key：</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="313"/>
        <source>App &amp;secret:</source>
        <translation>App &amp;Secret：</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="313"/>
        <source>Shop &amp;id:</source>
        <translation>店铺 ID(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="313"/>
        <source>&amp;Gateway:</source>
        <translation>网关地址(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="317"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="319"/>
        <source>Store the secret in a protected file on this computer instead</source>
        <translation>改为把密钥保存在这台电脑上受保护的文件里</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <location filename="../../app/views/sign_in_flow.py" line="67"/>
        <source>The shop could not be connected</source>
        <translation>无法连接店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/sign_in_flow.py" line="201"/>
        <source>The shop was not changed</source>
        <translation>店铺未更换</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="70"/>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="71"/>
        <source>Check what will be set up, then press Finish.</source>
        <translation>请核对将要设置的内容，然后点“完成”。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="72"/>
        <source>Stay signed in on this computer</source>
        <translation>在这台电脑上保持登录</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="75"/>
        <source>Only for a shop run by one person: the desk then opens without asking for the password. Anyone who can use this computer can then act as the owner.</source>
        <translation>仅适合一个人经营的店铺：之后打开工作台时不再询问密码。能使用这台电脑的任何人都能以店主身份操作。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="83"/>
        <source>AfterSales Desk will restart to open this shop. Your account comes along.</source>
        <translation>售后工作台将重新启动并打开这个店铺，你的账号会一起带过去。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="86"/>
        <source>Owner account: {name} (user name “{user}”)</source>
        <translation>店主账号：{name}（用户名“{user}”）</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="91"/>
        <source>Shop: the demo shop on this computer — practise freely, nothing is real.</source>
        <translation>店铺：这台电脑上的演示店铺 —— 随便练习，一切都不是真的。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="94"/>
        <source>Shop: {shop_id} via {gateway}</source>
        <translation>店铺：{shop_id}，经由 {gateway}</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="99"/>
        <source>Connection tested: connected to {shop}.</source>
        <translation>连接已测试：已连接到「{shop}」。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="101"/>
        <source>The connection was not tested; the first sync will try it.</source>
        <translation>还没有测试连接；第一次同步时会尝试连接。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="103"/>
        <source>The app secret will be kept in a protected file on this computer.</source>
        <translation>App Secret 将保存在这台电脑上受保护的文件里。</translation>
    </message>
    <message>
        <location filename="../../app/views/first_run_wizard.py" line="105"/>
        <source>The app secret will be kept in the system&apos;s password store.</source>
        <translation>App Secret 将保存在系统的密码库里。</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="92"/>
        <source>Connecting to the shop…</source>
        <translation>正在连接店铺…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="96"/>
        <source>Online · syncing…</source>
        <translation>在线 · 正在同步…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="97"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="100"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="102"/>
        <source>Online · last synced {age}</source>
        <translation>在线 · 上次同步 {age}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync_status_bar.py" line="107"/>
        <source>%n decision(s) reached the platform</source>
        <translation>
            <numerusform>%n 个处理已提交到平台</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync_status_bar.py" line="109"/>
        <source>%n decision(s) need attention</source>
        <translation>
            <numerusform>%n 个处理需要人工处理</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="113"/>
        <source>Offline — will retry on its own</source>
        <translation>离线 —— 将自动重试</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="117"/>
        <source>Offline — retrying now…</source>
        <translation>离线 —— 正在重试…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="118"/>
        <source>Offline — will retry in {seconds} s</source>
        <translation>离线 —— {seconds} 秒后重试</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="119"/>
        <source>the shop connection needs a person</source>
        <translation>店铺连接需要人工处理</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="120"/>
        <source>Needs attention: {reason}</source>
        <translation>需要处理：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="128"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="129"/>
        <source>Fetch new orders and after-sales from the shop now</source>
        <translation>现在从店铺拉取新的订单和售后</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="144"/>
        <source>Last successful sync: {time}</source>
        <translation>上次成功同步：{time}</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_status_bar.py" line="151"/>
        <source>The platform said: {words}</source>
        <translation>平台返回：{words}</translation>
    </message>
</context>
<context>
    <name>UrgentNotifier</name>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="221"/>
        <source>Refund request due within the hour</source>
        <translation>售后即将超时（1 小时内）</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_queue_bars.py" line="222"/>
        <source>{id}: {product}, {amount} — reply within {left}</source>
        <translation>{id}：{product}，{amount}——剩余 {left}</translation>
    </message>
</context>
<context>
    <name>UserFormDialog</name>
    <message>
        <location filename="../../app/views/user_dialogs.py" line="101"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一样。</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location filename="../../app/views/users_view.py" line="92"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="93"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="94"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="95"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="96"/>
        <source>One refund</source>
        <translation>单笔上限</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="97"/>
        <source>Per day</source>
        <translation>每日上限</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="98"/>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="126"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="126"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="131"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="133"/>
        <source>until {time}</source>
        <translation>至 {time}</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <location filename="../../app/views/users_view.py" line="216"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="356"/>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="356"/>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="360"/>
        <source>&amp;Add person…</source>
        <translation>添加人员(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="361"/>
        <source>Reset &amp;password…</source>
        <translation>重设密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="362"/>
        <source>Refund &amp;limits…</source>
        <translation>退款上限(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../app/views/users_view.py" line="363"/>
        <source>Change &amp;role…</source>
        <translation>更改角色(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>accounts</name>
    <message>
        <location filename="../../app/services/accounts.py" line="85"/>
        <source>This shop already has an owner. Sign in as the owner.</source>
        <translation>这家店已经有店主了。请用店主账号登录。</translation>
    </message>
    <message>
        <location filename="../../app/services/accounts.py" line="86"/>
        <source>The shop needs at least one active owner. Make someone else an owner first.</source>
        <translation>店里至少要有一位启用中的店主。请先把其他人设为店主。</translation>
    </message>
    <message>
        <location filename="../../app/services/accounts.py" line="89"/>
        <source>You cannot switch off your own account.</source>
        <translation>不能停用你自己的账号。</translation>
    </message>
    <message>
        <location filename="../../app/services/accounts.py" line="90"/>
        <source>The current password is wrong.</source>
        <translation>当前密码不对。</translation>
    </message>
    <message>
        <location filename="../../app/services/accounts.py" line="91"/>
        <source>The new password is the same as the current one.</source>
        <translation>新密码和当前密码一样。</translation>
    </message>
    <message>
        <location filename="../../app/services/accounts.py" line="92"/>
        <source>Only an owner&apos;s account can be carried to another shop.</source>
        <translation>只有店主账号可以带到另一家店铺。</translation>
    </message>
    <message>
        <location filename="../../app/services/accounts.py" line="93"/>
        <source>Your account was switched off or changed by the owner. Please sign in again.</source>
        <translation>你的账号已被店主停用或修改，请重新登录。</translation>
    </message>
    <message>
        <location filename="../../app/services/permissions.py" line="47"/>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../../app/services/permissions.py" line="48"/>
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../app/services/permissions.py" line="49"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../app/services/permissions.py" line="91"/>
        <source>Your role does not allow this. Ask the shop owner.</source>
        <translation>你的角色不能做这件事，请找店主。</translation>
    </message>
    <message>
        <location filename="../../app/services/permissions.py" line="92"/>
        <source>The owner has not set refund limits for you, so the owner must decide this refund.</source>
        <translation>店主还没有给你设置退款上限，所以这笔退款需要店主来处理。</translation>
    </message>
    <message>
        <location filename="../../app/services/permissions.py" line="95"/>
        <source>This refund ({amount}) is above your limit of {limit} for one refund. Ask the shop owner to decide it.</source>
        <translation>这笔退款（{amount}）超过了你的单笔上限 {limit}。请让店主处理。</translation>
    </message>
    <message>
        <location filename="../../app/services/permissions.py" line="99"/>
        <source>This refund ({amount}) would bring what you approved today to {total}, above your daily limit of {limit}. Ask the shop owner to decide it.</source>
        <translation>批准这笔退款（{amount}）后，你今天批准的总额将达到 {total}，超过你的每日上限 {limit}。请让店主处理。</translation>
    </message>
    <message>
        <location filename="../../app/services/sign_in.py" line="35"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../app/services/sign_in.py" line="36"/>
        <source>Too many wrong passwords. Please wait, then try again.</source>
        <translation>密码输错次数太多。请稍等，然后再试。</translation>
    </message>
    <message>
        <location filename="../../app/services/sign_in.py" line="37"/>
        <source>This account is switched off. Ask the shop owner.</source>
        <translation>这个账号已停用，请找店主。</translation>
    </message>
    <message>
        <location filename="../../app/services/user_records.py" line="31"/>
        <source>A user name has 2 to 32 characters: letters, digits, Chinese characters, dot, dash or underscore.</source>
        <translation>用户名为 2 到 32 个字符：字母、数字、汉字、点、短横线或下划线。</translation>
    </message>
    <message>
        <location filename="../../app/services/user_records.py" line="35"/>
        <source>This user name is already taken (capital and small letters count as the same).</source>
        <translation>这个用户名已经有人用了（大小写视为相同）。</translation>
    </message>
    <message>
        <location filename="../../app/services/user_records.py" line="38"/>
        <source>Enter a password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../app/services/user_records.py" line="39"/>
        <source>A password needs at least 8 characters.</source>
        <translation>密码至少要 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/services/user_records.py" line="40"/>
        <source>A password can have at most 256 characters.</source>
        <translation>密码最多 256 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/services/user_records.py" line="41"/>
        <source>A display name can have at most 64 characters.</source>
        <translation>显示名称最多 64 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/services/user_records.py" line="42"/>
        <source>This person is not in the list. Refresh and try again.</source>
        <translation>列表里没有这个人。请刷新后再试。</translation>
    </message>
    <message>
        <location filename="../../app/services/user_records.py" line="43"/>
        <source>Choose a role: owner, customer service or warehouse.</source>
        <translation>请选择角色：店主、客服或仓库。</translation>
    </message>
    <message>
        <location filename="../../app/services/user_records.py" line="44"/>
        <source>A refund limit is an amount of zero or more, or empty.</source>
        <translation>退款上限是大于等于零的金额，或者留空。</translation>
    </message>
    <message>
        <location filename="../../app/services/user_records.py" line="45"/>
        <source>The daily limit cannot be lower than the limit for one refund.</source>
        <translation>每日上限不能低于单笔上限。</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="36"/>
        <source>This computer has no password store (keyring), so the app secret cannot be kept safely. You can allow keeping it in a protected file in the app&apos;s data folder instead, which is less safe.</source>
        <translation>这台电脑没有密码库（keyring），无法安全地保存 App Secret。你可以改为允许把它保存在本软件数据文件夹里受保护的文件中，但这样安全性较低。</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="41"/>
        <source>The computer&apos;s password store did not accept the app secret (it may be locked). Unlock it and try again, or allow keeping the secret in a protected file instead.</source>
        <translation>电脑的密码库没有接受 App Secret（可能处于锁定状态）。请解锁后重试，或改为允许把密钥保存在受保护的文件里。</translation>
    </message>
    <message>
        <location filename="../../app/services/shop_setup.py" line="24"/>
        <source>This workstation uses a shared shop database; point it at another database in Settings instead.</source>
        <translation>这台电脑使用的是共享的店铺数据库，请在设置中改为指向另一个数据库。</translation>
    </message>
</context>
<context>
    <name>audit_actions</name>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="35"/>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="36"/>
        <source>Sign-in refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="37"/>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="38"/>
        <source>Switched user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="39"/>
        <source>Person added</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="40"/>
        <source>Person changed</source>
        <translation>修改人员</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="41"/>
        <source>Person disabled</source>
        <translation>停用人员</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="42"/>
        <source>Person enabled</source>
        <translation>启用人员</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="43"/>
        <source>Password reset</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="44"/>
        <source>Own password changed</source>
        <translation>修改自己的密码</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="45"/>
        <source>Settings changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="46"/>
        <source>Shop connected</source>
        <translation>连接店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="47"/>
        <source>Shop switched</source>
        <translation>切换店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="48"/>
        <source>Refund approved</source>
        <translation>批准退款</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="49"/>
        <source>Refund refused</source>
        <translation>拒绝退款</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="50"/>
        <source>Order shipped</source>
        <translation>订单发货</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="51"/>
        <source>Platform&apos;s answer</source>
        <translation>平台答复</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="57"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="58"/>
        <source>After-sale</source>
        <translation>售后单</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="59"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="60"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_table_model.py" line="61"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <location filename="../../app/sync/codes.py" line="62"/>
        <source>Unpaid</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="63"/>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="64"/>
        <source>Awaiting shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="65"/>
        <source>Partly shipped</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="66"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="67"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="68"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="96"/>
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="97"/>
        <source>Refund only (shipped)</source>
        <translation>已发货仅退款</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="98"/>
        <source>Refund before shipment</source>
        <translation>未发货仅退款</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="99"/>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="100"/>
        <source>Resend</source>
        <translation>补寄</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="125"/>
        <source>Awaiting merchant</source>
        <translation>待商家处理</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="126"/>
        <source>Awaiting buyer&apos;s return</source>
        <translation>待买家退货</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="127"/>
        <source>Returned, awaiting receipt</source>
        <translation>待商家收货</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="128"/>
        <source>Refunded</source>
        <translation>退款成功</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="129"/>
        <source>Exchange in progress</source>
        <translation>换货中</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="130"/>
        <source>Exchange done</source>
        <translation>换货成功</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="131"/>
        <source>Refused by merchant</source>
        <translation>商家已拒绝</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="132"/>
        <source>Closed</source>
        <translation>售后关闭</translation>
    </message>
    <message>
        <location filename="../../app/sync/codes.py" line="133"/>
        <source>Refused after return</source>
        <translation>退货后拒绝</translation>
    </message>
</context>
<context>
    <name>desktop</name>
    <message>
        <location filename="../../app/desktop.py" line="65"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../app/desktop.py" line="66"/>
        <source>Something went wrong inside AfterSales Desk. Your data is safe; the details are in the log file in the data folder.</source>
        <translation>售后工作台内部出现问题。您的数据是安全的；详细信息已写入数据文件夹中的日志文件。</translation>
    </message>
    <message>
        <location filename="../../app/desktop.py" line="135"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../app/desktop.py" line="136"/>
        <source>The shop&apos;s database could not be opened:
{0}</source>
        <translation>无法打开店铺数据库：
{0}</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <location filename="../../app/views/first_run_pages.py" line="40"/>
        <source>The gateway must be a web address starting with https:// (or http://).</source>
        <translation>网关必须是以 https://（或 http://）开头的网址。</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../app/views/formatting.py" line="68"/>
        <source>{days}d {hours:02d}h</source>
        <translation>{days}天{hours:02d}小时</translation>
    </message>
    <message>
        <location filename="../../app/views/formatting.py" line="70"/>
        <source>{hours}h {minutes:02d}m</source>
        <translation>{hours}小时{minutes:02d}分</translation>
    </message>
    <message>
        <location filename="../../app/views/formatting.py" line="73"/>
        <source>{minutes}m</source>
        <translation>{minutes}分钟</translation>
    </message>
    <message>
        <location filename="../../app/views/formatting.py" line="80"/>
        <source>overdue {duration}</source>
        <translation>已超时 {duration}</translation>
    </message>
    <message>
        <location filename="../../app/views/formatting.py" line="88"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../app/views/formatting.py" line="90"/>
        <source>{minutes} min ago</source>
        <translation>{minutes} 分钟前</translation>
    </message>
    <message>
        <location filename="../../app/views/formatting.py" line="92"/>
        <source>{hours} h ago</source>
        <translation>{hours} 小时前</translation>
    </message>
</context>
<context>
    <name>refunds</name>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="40"/>
        <source>Return fast refund: the buyer may be refunded when the parcel is handed over (up to {cap}).</source>
        <translation>退货极速退款：买家寄出退货包裹后即可能获得退款（最多 {cap}）。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="44"/>
        <source>Returned goods are inspected before the refund.</source>
        <translation>退回的商品验货后再退款。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="45"/>
        <source>Exchanged goods are inspected before the replacement is sent.</source>
        <translation>换货的商品验货后再寄出新商品。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="48"/>
        <source>A refund before shipment on an order that already has a tracking number.</source>
        <translation>订单已有快递单号，但买家在发货前申请退款。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="51"/>
        <source>Fast refund before shipment: no tracking number and paid at most {cap}.</source>
        <translation>未发货极速退款：没有快递单号，且实付不超过 {cap}。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="54"/>
        <source>Refund before shipment.</source>
        <translation>未发货退款。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="55"/>
        <source>Exchange request.</source>
        <translation>换货申请。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="56"/>
        <source>Resend request for missing or damaged items.</source>
        <translation>漏发或破损商品的补寄申请。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="57"/>
        <source>The buyer says the goods never arrived.</source>
        <translation>买家说没有收到货。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="58"/>
        <source>Fresh produce: claims within {hours} h of receipt; up to {bad}% bad goods, up to {refund}% refund.</source>
        <translation>生鲜：签收后 {hours} 小时内可申请；坏果不超过 {bad}% 时，最多退款 {refund}%。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="62"/>
        <source>Fresh produce has no 7-day no-reason return.</source>
        <translation>生鲜不支持七天无理由退货。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="63"/>
        <source>Cosmetics allergy: within {days} days of receipt, evidence by the product&apos;s value.</source>
        <translation>化妆品过敏：签收后 {days} 天内，按商品价值提供相应凭证。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="66"/>
        <source>7 days no reason: {hours} h from 00:00 of the day after delivery, goods intact.</source>
        <translation>七天无理由：从签收次日 0 点起 {hours} 小时内，商品完好。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="69"/>
        <source>Quality or description complaint.</source>
        <translation>质量问题或与描述不符。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="70"/>
        <source>No special rule applies.</source>
        <translation>不适用特殊规则。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="74"/>
        <source>Inspect the goods on arrival; the buyer may already have been refunded.</source>
        <translation>商品到货时请验货；买家可能已经拿到退款了。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="77"/>
        <source>Inspect the returned goods, then refund or refuse.</source>
        <translation>验收退回的商品，然后退款或拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="78"/>
        <source>The goods have left: refuse (goods shipped) or intercept the parcel and refund.</source>
        <translation>商品已发出：拒绝（已发货），或拦截快递后退款。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="81"/>
        <source>The platform would refund this at once; approving matches what it does.</source>
        <translation>平台会立即自动退款；同意与平台的做法一致。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="84"/>
        <source>Not shipped yet: approve, after making sure no parcel left without a tracking number.</source>
        <translation>还没发货：确认没有未录单号就寄出的包裹后，同意退款。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="87"/>
        <source>Agree when the wanted size or model is in stock.</source>
        <translation>买家要的尺码或型号有货时同意。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="88"/>
        <source>Check the packing record, then agree or refuse.</source>
        <translation>查看打包记录，然后同意或拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="89"/>
        <source>Check the parcel&apos;s tracking: refund if it was lost, refuse with proof if it was signed for.</source>
        <translation>查看包裹物流：丢件就退款，已签收就凭证据拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="93"/>
        <source>The buyer applied after the window closed.</source>
        <translation>买家在期限过后才申请。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="94"/>
        <source>The delivery time is unknown, so the window cannot be checked; look at the order.</source>
        <translation>不知道签收时间，无法判断是否在期限内；请查看订单。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="97"/>
        <source>The refund ({share}%) is within what the rule allows.</source>
        <translation>退款比例（{share}%）在规则允许的范围内。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="98"/>
        <source>A refund of {share}% needs more than {bad}% of the goods bad; check the photos.</source>
        <translation>退款 {share}% 需要坏果超过 {bad}%；请查看照片。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="101"/>
        <source>Refuse: fresh produce is excluded from no-reason returns.</source>
        <translation>拒绝：生鲜不支持无理由退货。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="104"/>
        <source>Within the window; check the evidence: {tier_text}.</source>
        <translation>在期限内；请查看凭证：{tier_text}。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="105"/>
        <source>Within 7 days: agree to the return; the buyer pays postage.</source>
        <translation>在七天内：同意退货，运费由买家承担。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="108"/>
        <source>A no-reason request should return the goods; ask the buyer or decide yourself.</source>
        <translation>无理由申请应当退货；请询问买家或自行决定。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="111"/>
        <source>Agree to the return and inspect the goods when they arrive.</source>
        <translation>同意退货，商品到货时验货。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="114"/>
        <source>A refund without return: compare the buyer&apos;s photos with the complaint.</source>
        <translation>仅退款：对照买家的照片和投诉内容。</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="120"/>
        <source>photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="121"/>
        <source>photos, one showing at least 80% left</source>
        <translation>照片，其中一张显示剩余量至少 80%</translation>
    </message>
    <message>
        <location filename="../../app/services/after_sale_rules.py" line="122"/>
        <source>photos and a hospital diagnosis</source>
        <translation>照片和医院诊断证明</translation>
    </message>
    <message>
        <location filename="../../app/services/needs_attention.py" line="31"/>
        <source>Only a decision that met a changed request can be applied again.</source>
        <translation>只有因售后单已变更而未生效的处理才能重新提交。</translation>
    </message>
    <message>
        <location filename="../../app/services/needs_attention.py" line="34"/>
        <source>The request has moved on and this decision no longer applies to it. Discard it instead.</source>
        <translation>该售后单状态已变化，此处理不再适用，请改为放弃。</translation>
    </message>
    <message>
        <location filename="../../app/services/refund_decisions.py" line="49"/>
        <source>This request is not in the local copy; sync and try again.</source>
        <translation>本地还没有这条售后单，请同步后重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/refund_decisions.py" line="50"/>
        <source>This request can no longer be decided this way; its state has changed. Refresh the queue.</source>
        <translation>该售后单状态已变化，不能再这样处理。请刷新队列。</translation>
    </message>
    <message>
        <location filename="../../app/services/refund_decisions.py" line="53"/>
        <source>A decision on this request is already waiting to be sent to the platform.</source>
        <translation>这条售后单已有一个处理正在等待提交到平台。</translation>
    </message>
    <message>
        <location filename="../../app/services/refund_decisions.py" line="56"/>
        <source>The platform&apos;s list of refusal reasons has not been fetched yet. Connect once, then try again.</source>
        <translation>还没有获取到平台的拒绝原因列表。请先联网同步一次再试。</translation>
    </message>
    <message>
        <location filename="../../app/services/refund_decisions.py" line="60"/>
        <source>Choose a refusal reason from the platform&apos;s list.</source>
        <translation>请从平台的拒绝原因列表中选择一个原因。</translation>
    </message>
    <message>
        <location filename="../../app/services/refund_decisions.py" line="61"/>
        <source>Write a remark for the buyer explaining the refusal.</source>
        <translation>请填写给买家的拒绝说明。</translation>
    </message>
    <message>
        <location filename="../../app/services/refund_decisions.py" line="62"/>
        <source>The reason “{reason}” needs evidence images. Add at least one.</source>
        <translation>拒绝原因“{reason}”需要上传凭证图片，请至少添加一张。</translation>
    </message>
    <message>
        <location filename="../../app/services/refund_decisions.py" line="65"/>
        <source>Choose the return address the buyer should send the goods to.</source>
        <translation>请选择买家寄回商品的退货地址。</translation>
    </message>
    <message>
        <location filename="../../app/services/refund_decisions.py" line="66"/>
        <source>Say how the returned goods arrived.</source>
        <translation>请填写退回商品的验收情况。</translation>
    </message>
    <message>
        <location filename="../../app/services/refund_decisions.py" line="67"/>
        <source>Not a refund request; decide it on its own.</source>
        <translation>这不是退款申请，请单独处理。</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../app/sync/client.py" line="45"/>
        <source>The platform could not be reached. Check the internet connection.</source>
        <translation>无法连接到平台，请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="48"/>
        <source>The platform did not answer in time.</source>
        <translation>平台未及时响应。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="49"/>
        <source>The platform&apos;s server had a problem (HTTP error).</source>
        <translation>平台服务器出现问题（HTTP 错误）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="50"/>
        <source>The platform sent an answer that could not be read.</source>
        <translation>平台返回的数据无法识别。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="51"/>
        <source>The platform asked us to slow down (rate limit).</source>
        <translation>平台要求降低请求频率（触发限流）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="52"/>
        <source>The platform is having trouble right now.</source>
        <translation>平台暂时出现故障。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="53"/>
        <source>The platform rejected our signature: the app key or app secret is wrong.</source>
        <translation>平台拒绝了签名：App Key 或 App Secret 不正确。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="56"/>
        <source>The platform says this computer&apos;s clock is wrong. Set the date and time correctly.</source>
        <translation>平台提示本机时间不正确，请校准电脑的日期和时间。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="59"/>
        <source>The platform did not accept our access token, even after renewing it.</source>
        <translation>平台不接受访问令牌（已尝试刷新）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="62"/>
        <source>The shop has not authorised this app (or has revoked it). The shop owner must authorise it again.</source>
        <translation>店铺未授权本应用（或已取消授权），需要店主重新授权。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="66"/>
        <source>The platform refused the request.</source>
        <translation>平台拒绝了该请求。</translation>
    </message>
    <message>
        <location filename="../../app/sync/client.py" line="67"/>
        <source>The gateway address does not lead to the platform&apos;s API. Check the gateway URL.</source>
        <translation>网关地址无法访问平台接口，请检查网关 URL。</translation>
    </message>
    <message>
        <location filename="../../app/sync/worker.py" line="30"/>
        <source>Sync failed unexpectedly; it will try again. The log file has the details.</source>
        <translation>同步意外失败，稍后会自动重试。详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../app/sync/push.py" line="36"/>
        <source>The platform&apos;s state changed before this decision arrived; it was not applied.</source>
        <translation>在这个决定送达之前，平台上的状态已经变了；这个决定没有生效。</translation>
    </message>
    <message>
        <location filename="../../app/shop.py" line="32"/>
        <source>The demo shop could not start on this computer.</source>
        <translation>演示店铺无法在这台电脑上启动。</translation>
    </message>
    <message>
        <location filename="../../app/shop.py" line="33"/>
        <source>The shop&apos;s app secret is not on this computer. The owner must connect the shop again (Settings → Change shop).</source>
        <translation>这台电脑上没有店铺的 App Secret，需要店主重新连接店铺（设置 → 更换店铺）。</translation>
    </message>
</context>
</TS>
